using Exchange.Silo.Audit;

namespace Exchange.Hub.Audit;

/// <summary>
/// Logs HTTP exchanges (the FHIR API) the way <see cref="ExchangeAuditInterceptor"/> logs gRPC ones: one entry per
/// request, written before the response is returned. On an endpoint:
/// <c>app.MapGet("/fhir/Patient/{id}", ...).WithExchangeLog("Patient/read", ExchangeKind.Read)</c>; in the handler,
/// <c>http.Exchange().From(caller).Touched(hubId, region)</c>. When the entry cannot be written the filter throws
/// <see cref="ExchangeLogUnavailableException"/>: map it to 503 (OperationOutcome "transient") so the exchange is not
/// acknowledged.
/// </summary>
internal static class HttpExchangeLog
{
    public const string Fhir = "fhir";

    public static TBuilder WithExchangeLog<TBuilder>(this TBuilder builder, string operation, ExchangeKind kind, string protocol = Fhir)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var time = services.GetRequiredService<TimeProvider>();
            var started = time.GetTimestamp();
            var call = http.Exchange();
            object? result;
            try
            {
                result = await next(context);
            }
            catch (Exception exception) when (exception is not ExchangeLogUnavailableException)
            {
                await RecordAsync(services, protocol, operation, kind, call, StatusCodes.Status500InternalServerError, time, started);
                throw;
            }

            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
            await RecordAsync(services, protocol, operation, kind, call, status, time, started);
            return result;
        });

    private static Task RecordAsync(
        IServiceProvider services, string protocol, string operation, ExchangeKind kind, ExchangeCall call, int status, TimeProvider time, long started)
    {
        var (persons, clientMessageId, counts) = call.Snapshot();
        var outcome = status switch
        {
            < 400 => ExchangeOutcome.Succeeded,
            < 500 => ExchangeOutcome.Rejected,
            _ => ExchangeOutcome.Failed,
        };
        var entry = new ExchangeEntry(
            time.GetUtcNow(), protocol, operation, kind, call.Caller, persons, clientMessageId, outcome,
            status.ToString(System.Globalization.CultureInfo.InvariantCulture), counts, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return services.GetRequiredService<IExchangeRecorder>().RecordAsync(entry);
    }
}
