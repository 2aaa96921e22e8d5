using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Errors;
using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Hosting;
using Exchange.Hub.Grpc;
using Exchange.Hub.PublicLookup;
using Exchange.Hub.Quarantine;
using Exchange.Hub.Schedule;
using Exchange.Silo.Audit;
using Exchange.Silo.Hosting;

namespace Exchange.Hub.Hosting;

internal static class ExchangeHubHostingExtensions
{
    /// <summary>The node: the silo in-process, and the gRPC clinic API in front of it.</summary>
    public static WebApplicationBuilder AddExchangeHub(this WebApplicationBuilder builder)
    {
        builder.AddExchangeSilo();
        builder.AddExchangeAccess();
        builder.AddExchangeLog();
        builder.Services.AddExchangeQuarantine();
        builder.Services.AddGrpc(options =>
        {
            // Outermost: logs every exchange with the status the caller gets, before the caller gets it.
            options.Interceptors.Add<ExchangeAuditInterceptor>();
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
        app.UseAuthentication();
        app.UseMiddleware<AccessRefusalLog>();
        app.UseAuthorization();
        app.MapGrpcService<ClinicRecordsService>();
        app.MapGrpcService<ScheduleReportsService>();
        app.MapGrpcService<CodeMapsService>();
        app.MapGrpcService<QuarantineService>();
        app.MapGrpcService<AccessAdministrationService>();
        app.MapGrpcService<PublicLookupService>();
        app.MapGrpcService<AuditorService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();

        // Reflection describes only the public contracts, but any authenticated system may need it to call them.
        app.MapGrpcReflectionService();
        app.MapGet("/health", () => Results.Text("healthy")).AllowAnonymous();
        app.MapFhirEndpoints();
        return app;
    }
}
