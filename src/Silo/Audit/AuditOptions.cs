namespace Exchange.Silo.Audit;

/// <summary>The exchange log. Configuration section "Audit".</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The Cybersecurity Law keeps network logs for at least six months.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>
    /// Log every exchange (default). False runs the hub without an exchange log: only for measuring what logging
    /// costs (the benchmark's --audit both); never in service.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days an entry is kept before pruning may remove it; at least 180.</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>Allows a retention below 180 days: for tests of pruning only.</summary>
    public bool AllowShortRetention { get; set; }

    /// <summary>A signed checkpoint after this many entries of a chain...</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>...or after this many seconds with unsigned entries, whichever comes first.</summary>
    public int CheckpointSeconds { get; set; } = 60;

    /// <summary>
    /// PEM file with the ECDSA P-256 private key that signs checkpoints. Empty: a key created once in the data
    /// folder (owner-only permissions), fine for one embedded node; configure a managed key in production.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>
    /// This node's chain. Empty: "&lt;Cluster:AdvertisedAddress&gt;:&lt;Cluster:SiloPort&gt;", unique among live nodes
    /// and stable across restarts. Two processes must never write one chain at the same time.
    /// </summary>
    public string? ChainId { get; set; }

    /// <summary>
    /// On SQLite, how long (µs) the writer lets fewer than 16 waiting entries gather before it writes them, counted from
    /// the oldest one's arrival; 0 writes at once. PostgreSQL always writes at once.
    /// </summary>
    public int SqliteGatherMicroseconds { get; set; } = 3000;

    /// <summary>Most entries written in one transaction.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>Hours between pruning runs.</summary>
    public int PruneEveryHours { get; set; } = 24;

    public IEnumerable<string> Problems()
    {
        if (RetentionDays < 1 || (RetentionDays < MinimumRetentionDays && !AllowShortRetention))
        {
            yield return $"Audit:RetentionDays is {RetentionDays}; the exchange log is kept at least {MinimumRetentionDays} days (Cybersecurity Law: six months).";
        }

        if (CheckpointEvery < 1 || CheckpointSeconds < 1)
        {
            yield return "Audit:CheckpointEvery and Audit:CheckpointSeconds must be at least 1.";
        }

        if (SqliteGatherMicroseconds is < 0 or > 100_000)
        {
            yield return $"Audit:SqliteGatherMicroseconds is {SqliteGatherMicroseconds}; it must be between 0 and 100000 (0.1 s).";
        }

        if (MaxBatch < 1)
        {
            yield return "Audit:MaxBatch must be at least 1.";
        }

        if (PruneEveryHours < 1)
        {
            yield return "Audit:PruneEveryHours must be at least 1.";
        }

        if (!string.IsNullOrWhiteSpace(SigningKeyFile) && !File.Exists(SigningKeyFile))
        {
            yield return $"Audit:SigningKeyFile '{SigningKeyFile}' does not exist.";
        }
    }
}
