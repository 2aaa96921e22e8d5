using Exchange.Adapters.Model;
using Exchange.Adapters.Results;

namespace Exchange.Silo.Records;

/// <summary>The record after a transfer, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("exchange.transfer-outcome.v1")]
public sealed record TransferOutcome(PersonRecord? Person, bool Replayed, Issue[] Issues);
