using Exchange.Testing.Hosting;
using Grpc.Health.V1;

namespace Exchange.Benchmark;

/// <summary>
/// The baseline for call latency: grpc.health.v1 Health/Check on the same hub and channel as the clinic calls, with
/// the clinic's API key (health is open to anyone, but the key is still verified, as on every clinic call). It does no record work, so it measures transport, HTTP/2 and ASP.NET Core overhead.
/// </summary>
internal static class TrivialCallBaseline
{
    public static async Task WarmUpAsync(HubProcess hub, Options options, int calls) =>
        await LoadLoop.RunAsync(options.Concurrency, calls, await CheckCallAsync(hub));

    public static async Task<Func<int, Task>> CheckCallAsync(HubProcess hub)
    {
        var client = new Health.HealthClient(await hub.CallerAsync(HubProcess.ClinicDefinition(Program.SystemId)));
        var request = new HealthCheckRequest();
        return async _ =>
        {
            var response = await client.CheckAsync(request);
            if (response.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                throw new BenchmarkException($"The hub reports health status {response.Status}.");
            }
        };
    }
}
