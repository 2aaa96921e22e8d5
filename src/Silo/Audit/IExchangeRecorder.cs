namespace Exchange.Silo.Audit;

/// <summary>
/// Where every edge (gRPC, FHIR) records its exchanges. The returned task completes when the entry is durable in the
/// log; acknowledge the exchange to its caller only after that, and fail the exchange if it throws.
/// </summary>
public interface IExchangeRecorder
{
    Task RecordAsync(ExchangeEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>Audit:Enabled = false: records nothing. For measuring the cost of logging only.</summary>
internal sealed class DisabledExchangeRecorder : IExchangeRecorder
{
    public Task RecordAsync(ExchangeEntry entry, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
