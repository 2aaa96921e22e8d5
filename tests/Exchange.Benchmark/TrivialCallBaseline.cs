using Exchange.Testing.Hosting;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;

namespace Exchange.Benchmark;

/// <summary>
/// The baseline for call latency: grpc.health.v1 Health/Check on the same hub and channel as the clinic calls, with
/// the same caller header. It does no record work, so it measures transport, HTTP/2 and ASP.NET Core overhead.
/// </summary>
internal static class TrivialCallBaseline
{
    private const int MaxCallsPerSecond = 200_000;

    public static Task WarmUpAsync(HubProcess hub, Options options, int calls) =>
        LoadLoop.RunAsync(options.Concurrency, calls, null, CheckCall(hub));

    public static Task<LatencySummary> RunAsync(HubProcess hub, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = (int)Math.Min(int.MaxValue / 2, options.TrivialDuration.TotalSeconds * MaxCallsPerSecond);
        return LoadLoop.RunAsync(options.Concurrency, capacity, options.TrivialDuration, CheckCall(hub));
    }

    private static Func<int, Task> CheckCall(HubProcess hub)
    {
        var client = new Health.HealthClient(hub.Channel.Intercept(metadata =>
        {
            metadata.Add("x-exchange-system", Program.SystemId);
            return metadata;
        }));
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
