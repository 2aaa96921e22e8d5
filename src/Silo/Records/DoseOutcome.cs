namespace Exchange.Silo.Records;

/// <summary>What happened to one reported dose: stored new, merged with another source's report, or already known.</summary>
public enum DoseOutcomeKind
{
    Recorded = 1,
    Merged = 2,
    AlreadyRecorded = 3,
}

/// <param name="Index">Position of the dose in the command.</param>
[GenerateSerializer, Immutable, Alias("exchange.dose-outcome.v1")]
public sealed record DoseOutcome(int Index, DoseOutcomeKind Kind, string EventId);
