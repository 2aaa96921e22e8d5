using Exchange.Adapters.Model;

namespace Exchange.Silo.Records;

/// <summary>Record doses for an existing person.</summary>
/// <param name="SourceUnit">The reporting system's own unit, stamped on every source it adds.</param>
[GenerateSerializer, Immutable, Alias("exchange.record-doses.v1")]
public sealed record RecordDosesCommand(string SourceSystem, string ClientMessageId, DoseReport[] Doses, DateTimeOffset ReceivedAt, string? SourceUnit = null);
