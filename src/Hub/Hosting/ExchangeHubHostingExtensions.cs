using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Hosting;
using Exchange.Hub.Grpc;
using Exchange.Silo.Hosting;

namespace Exchange.Hub.Hosting;

internal static class ExchangeHubHostingExtensions
{
    /// <summary>The node: the silo in-process, and the gRPC clinic API in front of it.</summary>
    public static WebApplicationBuilder AddExchangeHub(this WebApplicationBuilder builder)
    {
        builder.AddExchangeSilo();
        builder.Services.AddSingleton<ICallerResolver, HeaderCallerResolver>();
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<UnexpectedErrorInterceptor>();
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddExchangeFhir();
        builder.Services.AddGrpcHealthChecks().AddCheck("silo", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        return builder;
    }

    public static WebApplication MapExchangeEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ClinicRecordsService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapGet("/health", () => Results.Text("healthy"));
        app.MapFhirEndpoints();
        return app;
    }
}
