namespace Exchange.Adapters.Model;

/// <summary>A normalized dose as one source reported it, with that source's own id for its record.</summary>
/// <param name="CodeMapVersion">The source's code map version in force when the dose was normalized (<c>{source}@{version}</c>); null when the source had none.</param>
public sealed record DoseReport(Dose Dose, string? SourceRecordId, string? CodeMapVersion = null);
