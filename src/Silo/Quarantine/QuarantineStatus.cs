namespace Exchange.Silo.Quarantine;

/// <summary>Where a quarantined input stands. Stored as its number.</summary>
public enum QuarantineStatus
{
    /// <summary>Waiting for its cause to be fixed.</summary>
    Held = 1,

    /// <summary>Resubmitted and accepted.</summary>
    ResubmittedAccepted = 2,

    /// <summary>Discarded by an operator, with a reason; still stored.</summary>
    Discarded = 3,
}
