namespace Exchange.Silo.Audit;

/// <summary>What a walk of every chain found.</summary>
/// <param name="FirstProblem">The first bad entry of the first broken chain (chains in id order), or null when intact.</param>
public sealed record VerificationResult(
    DateTimeOffset VerifiedAt, long EntriesChecked, long CheckpointsChecked, IReadOnlyList<ChainVerification> Chains, Tamper? FirstProblem)
{
    public bool Intact => FirstProblem is null;
}

/// <summary>One chain's walk: the entries present and, if it is broken, where first.</summary>
public sealed record ChainVerification(
    string ChainId, long FirstSequence, long LastSequence, long Entries, long Checkpoints, Checkpoint? LatestCheckpoint, Tamper? Problem);

/// <summary>The first entry of a chain that is not as it was written.</summary>
/// <param name="Sequence">The entry's place in its chain.</param>
/// <param name="Detail">What exactly does not hold, for the auditor.</param>
public sealed record Tamper(string ChainId, long Sequence, TamperKind Kind, string Detail);

/// <summary>How an entry was found to differ from what was written.</summary>
public enum TamperKind
{
    /// <summary>Its content no longer matches its hash, its successor's link, or a signed checkpoint.</summary>
    Altered = 1,

    /// <summary>It is gone (its sequence number is skipped, or a checkpoint names entries that are not there).</summary>
    Missing = 2,

    /// <summary>It is present but in another place than it was written.</summary>
    Reordered = 3,

    /// <summary>A checkpoint at this entry has a signature that does not verify, or names an unknown key.</summary>
    BadCheckpoint = 4,
}
