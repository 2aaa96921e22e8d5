namespace Exchange.Hub.Callers;

/// <summary>The system on the other end of a call.</summary>
internal sealed record Caller(string SystemId)
{
    /// <summary>The caller's vaccination unit (10 digits), when known.</summary>
    public string? UnitCode { get; init; }

    /// <summary>The caller's region (GB/T 2260, the county of its unit), when known.</summary>
    public string? RegionCode { get; init; }
}
