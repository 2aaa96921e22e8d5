using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;

namespace Exchange.Benchmark;

/// <summary>
/// GetRecord by child code for randomly chosen ingested children (requests built before timing), from C concurrent
/// callers. Each answer must carry the child's doses. BulkUpload released the records' activations, so the first
/// call for each sample reads its record from the database; measured after that pass, the requests are sent over and
/// over, alternating with the trivial call (<see cref="InterleavedCalls"/>): the hot path of identifier lookup,
/// active person grain, and mapping the record to the wire.
/// </summary>
internal static class GetRecordRun
{
    public static async Task WarmUpAsync(HubProcess hub, SyntheticChild[] children, int samples, int concurrency, int seed) =>
        await LoadLoop.RunAsync(concurrency, samples, await CallAsync(hub, children, samples, seed));

    /// <summary>A call to make over and over: call i asks for sample i modulo <paramref name="samples"/>.</summary>
    public static async Task<Func<int, Task>> CallAsync(HubProcess hub, SyntheticChild[] children, int samples, int seed)
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
        return async index =>
        {
            var sample = index % samples;
            var response = await client.GetRecordAsync(requests[sample]);
            if (response.Person.Vaccinations.Count != expectedDoses[sample])
            {
                throw new BenchmarkException(
                    $"GetRecord returned {response.Person.Vaccinations.Count} doses where {expectedDoses[sample]} were ingested.");
            }
        };
    }
}
