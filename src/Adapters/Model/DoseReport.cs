namespace Exchange.Adapters.Model;

/// <summary>A normalized dose as one source reported it, with that source's own id for its record.</summary>
public sealed record DoseReport(Dose Dose, string? SourceRecordId);
