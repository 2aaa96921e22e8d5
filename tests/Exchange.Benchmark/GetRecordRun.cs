using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;

namespace Exchange.Benchmark;

/// <summary>
/// GetRecord by child code for randomly chosen ingested children (requests built before timing), from C concurrent
/// callers. Each answer must carry the child's doses. The grains are still active after the ingest, so this is the
/// hot path: identifier index grain, then person grain, then mapping the record to the wire.
/// </summary>
internal static class GetRecordRun
{
    public static async Task<LatencySummary> RunAsync(HubProcess hub, SyntheticChild[] children, int samples, int concurrency, int seed)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(children);
        var random = new Random(seed);
        var picks = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            picks[i] = random.Next(children.Length);
        }

        var requests = picks.Select(pick => new GetRecordRequest { Child = children[pick].ByChildCode() }).ToArray();
        var expectedDoses = picks.Select(pick => children[pick].Doses.Count).ToArray();
        var client = await hub.ClinicAsync(Program.SystemId);
        return await LoadLoop.RunAsync(concurrency, samples, null, async index =>
        {
            var response = await client.GetRecordAsync(requests[index]);
            if (response.Person.Vaccinations.Count != expectedDoses[index])
            {
                throw new BenchmarkException(
                    $"GetRecord returned {response.Person.Vaccinations.Count} doses where {expectedDoses[index]} were ingested.");
            }
        });
    }
}
