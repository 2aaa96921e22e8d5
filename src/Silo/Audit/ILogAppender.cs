namespace Exchange.Silo.Audit;

/// <summary>Writes one batch of chained entries and checkpoints in one transaction, blocking the writer's thread.</summary>
/// <remarks>Not thread-safe: the exchange-log writer appends from its one thread, through one kept connection.</remarks>
internal interface ILogAppender : IDisposable
{
    void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints);

    /// <summary>After a failed append: whether the connection itself was lost, not just the statement refused.</summary>
    bool LostConnection { get; }
}
