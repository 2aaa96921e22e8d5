namespace Exchange.Silo.Records;

/// <summary>Mark one vaccination event of a person entered-in-error: kept on the record, no longer counted as a dose.</summary>
[GenerateSerializer, Immutable, Alias("exchange.mark-entered-in-error.v1")]
public sealed record MarkEnteredInErrorCommand(string SourceSystem, string ClientMessageId, string EventId, DateTimeOffset ReceivedAt);
