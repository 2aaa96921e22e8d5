namespace Exchange.Silo.Audit;

/// <summary>
/// One exchange as the edge saw it, before it is chained. Hub ids and codes only: never names, ID numbers or phone
/// numbers. Unknown strings are empty, never null.
/// </summary>
/// <param name="RecordedAt">When the exchange ended (its answer was ready).</param>
/// <param name="Protocol">"grpc" or "fhir".</param>
/// <param name="Operation">What was called, e.g. "ClinicRecords/GetRecord" or "Patient/read".</param>
/// <param name="Kind">The kind of exchange, for filtering across protocols.</param>
/// <param name="Caller">Who called.</param>
/// <param name="Persons">The persons the exchange touched (hub id and residence region).</param>
/// <param name="ClientMessageId">The caller's message id for writes; empty for reads.</param>
/// <param name="Outcome">Succeeded, rejected (the caller's fault) or failed (the hub's).</param>
/// <param name="StatusCode">Protocol status: a gRPC status name ("OK", "INVALID_ARGUMENT") or an HTTP status ("404").</param>
/// <param name="Counts">Items in the exchange and how many were accepted or rejected.</param>
/// <param name="LatencyMs">Milliseconds from receiving the call to its answer being ready.</param>
public sealed record ExchangeEntry(
    DateTimeOffset RecordedAt,
    string Protocol,
    string Operation,
    ExchangeKind Kind,
    ExchangeCaller Caller,
    IReadOnlyList<TouchedPerson> Persons,
    string ClientMessageId,
    ExchangeOutcome Outcome,
    string StatusCode,
    ItemCounts Counts,
    long LatencyMs);

/// <summary>The calling system, its vaccination unit (10 digits) and its region (GB/T 2260), as far as known.</summary>
public sealed record ExchangeCaller(string System, string Unit, string Region)
{
    /// <summary>A call whose caller could not be established.</summary>
    public static readonly ExchangeCaller Anonymous = new("anonymous", string.Empty, string.Empty);
}

/// <summary>A person an exchange touched: hub id and residence region (GB/T 2260), or '' when not known.</summary>
public sealed record TouchedPerson(string HubId, string Region);

/// <summary>How many items an exchange carried, and how many of them were accepted or rejected.</summary>
public sealed record ItemCounts(int Items, int Accepted, int Rejected)
{
    public static readonly ItemCounts None = new(0, 0, 0);
}

/// <summary>The kind of an exchange. Stored by name.</summary>
public enum ExchangeKind
{
    /// <summary>Anything not listed below.</summary>
    Other = 0,

    /// <summary>Registration or recording of doses.</summary>
    Write = 1,

    /// <summary>Reading one person's record (including forecasts derived from it).</summary>
    Read = 2,

    /// <summary>Finding persons by demographics or a relative's identifier.</summary>
    Search = 3,

    /// <summary>Moving a person between units.</summary>
    Transfer = 4,

    /// <summary>Merging two records of one person.</summary>
    Merge = 5,

    /// <summary>A public (non-clinic) lookup.</summary>
    Lookup = 6,

    /// <summary>An auditor's use of the exchange log itself.</summary>
    Audit = 7,

    /// <summary>Administration: systems, credentials, code maps, quarantine.</summary>
    Administration = 8,

    /// <summary>Due lists and coverage statistics from the schedule read model.</summary>
    Report = 9,
}

/// <summary>How an exchange ended. Stored by name.</summary>
public enum ExchangeOutcome
{
    /// <summary>Done as asked.</summary>
    Succeeded = 1,

    /// <summary>Refused because of the request or the caller (bad input, unknown child, no credentials).</summary>
    Rejected = 2,

    /// <summary>The hub could not answer (storage outage, internal error, cancelled).</summary>
    Failed = 3,
}
