using System.Diagnostics;
using System.Net.Http.Headers;
using Exchange.Testing.Hosting;

namespace Exchange.Benchmark;

/// <summary>Posts the pre-built transaction Bundles to POST /fhir from C concurrent callers; every Bundle must succeed.</summary>
internal static class FhirIngestRun
{
    public static async Task<FhirIngestResult> RunAsync(HubProcess hub, byte[][] bundles, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(bundles);
        using var http = new HttpClient { BaseAddress = new Uri(hub.HttpBase, "/fhir") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await hub.ApiKeyAsync(HubProcess.ClinicDefinition(Program.SystemId)));
        var next = -1;
        var cpuStart = CpuSnapshot.Take(hub.ProcessId);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bundles.Length)
            {
                using var content = new ByteArrayContent(bundles[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
                using var response = await http.PostAsync(string.Empty, content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new BenchmarkException($"FHIR transaction {index} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        var elapsed = clock.Elapsed;
        var cpu = CpuSnapshot.Take(hub.ProcessId).Since(cpuStart);
        var resources = bundles.Length * (1 + FhirBundles.DosesPerBundle);
        return new FhirIngestResult(bundles.Length, resources, elapsed.TotalSeconds, resources / elapsed.TotalSeconds, cpu);
    }
}

/// <summary>FHIR transaction ingest: Bundles, resources (Patients + Immunizations) and their rate.</summary>
internal sealed record FhirIngestResult(int Bundles, int Resources, double Seconds, double ResourcesPerSecond, CpuUsage Cpu);
