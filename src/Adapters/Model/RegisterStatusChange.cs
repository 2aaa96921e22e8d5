namespace Exchange.Adapters.Model;

/// <summary>One change of register status, kept in the record's history.</summary>
public sealed record RegisterStatusChange(
    RegisterStatus From,
    RegisterStatus To,
    DateOnly EffectiveDate,
    string FromUnit,
    string ToUnit,
    string? ToRegion,
    string? Remark,
    string SourceSystem,
    DateTimeOffset RecordedAt);
