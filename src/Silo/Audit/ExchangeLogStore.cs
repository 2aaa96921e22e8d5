using System.Data.Common;
using Exchange.Silo.Storage;
using Npgsql;

namespace Exchange.Silo.Audit;

/// <summary>Appends chained entries and checkpoints, and tells a writer where its chain ends.</summary>
public sealed class ExchangeLogStore(ExchangeLogDatabase database) : IDisposable
{
    private ILogAppender? _appender;

    /// <summary>Where a chain ends: its last entry, or the checkpoint it was pruned to; (0, genesis) for a new chain.</summary>
    public async Task<(long Sequence, byte[] Hash, long CheckpointSequence)> ChainHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var last = await ReadHeadAsync(connection, "SELECT sequence, hash FROM exchange_log WHERE chain_id = @Chain ORDER BY sequence DESC LIMIT 1", chainId, cancellationToken);
        var checkpoint = await ReadHeadAsync(connection, "SELECT sequence, hash FROM exchange_log_checkpoint WHERE chain_id = @Chain ORDER BY sequence DESC LIMIT 1", chainId, cancellationToken);
        var (sequence, hash) = last ?? checkpoint ?? (0, EntryHasher.Genesis);
        return (sequence, hash, checkpoint?.Sequence ?? 0);
    }

    /// <summary>Records a public key that checkpoints may name.</summary>
    public async Task RegisterKeyAsync(string keyId, byte[] publicKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = ExchangeLogDatabase.Command(connection, null,
            "INSERT INTO exchange_log_key (key_id, public_key, added_at_us) VALUES (@KeyId, @PublicKey, @AddedAt) ON CONFLICT (key_id) DO NOTHING");
        command.AddParameter("KeyId", keyId);
        command.AddParameter("PublicKey", publicKey);
        command.AddParameter("AddedAt", Time.ToMicroseconds(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Writes entries (with their person index rows) and checkpoints in one transaction. Blocking, and not
    /// thread-safe: the writer calls it from its own thread (see <see cref="ExchangeLogWriter"/>), through a
    /// connection kept for it alone.
    /// </summary>
    /// <remarks>
    /// A kept connection can be lost while idle (the server restarted, an administrator ended the session): the batch
    /// is then tried once more on a new one. That is safe even if the first try committed before the connection
    /// dropped: the retry then breaks the chain's key and fails, and the entries are stored once.
    /// </remarks>
    public void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (_appender is { } kept)
        {
            try
            {
                kept.Append(entries, checkpoints);
                return;
            }
            catch (Exception) when (kept.LostConnection)
            {
                Drop(kept); // and try once more below, on a new connection
            }
            catch
            {
                Drop(kept);
                throw;
            }
        }

        var fresh = _appender = database.Kind == DatabaseKind.PostgreSql
            ? new PostgresLogAppender((NpgsqlConnection)database.OpenForWriter())
            : new SqliteLogAppender(database.OpenForWriter());
        try
        {
            fresh.Append(entries, checkpoints);
        }
        catch
        {
            Drop(fresh);
            throw;
        }
    }

    /// <summary>Starts over on a fresh connection at the next append: this one may be in any state.</summary>
    private void Drop(ILogAppender appender)
    {
        _appender = null;
        appender.Dispose();
    }

    public void Dispose()
    {
        _appender?.Dispose();
        _appender = null;
    }

    internal const string CheckpointSql = """
        INSERT INTO exchange_log_checkpoint (chain_id, sequence, hash, signed_at_us, key_id, signature)
        VALUES (@Chain, @Sequence, @Hash, @SignedAt, @KeyId, @Signature)
        """;

    internal static (string Name, object Value)[] CheckpointValues(Checkpoint checkpoint) =>
    [
        ("Chain", checkpoint.ChainId),
        ("Sequence", checkpoint.Sequence),
        ("Hash", checkpoint.Hash),
        ("SignedAt", Time.ToMicroseconds(checkpoint.SignedAt)),
        ("KeyId", checkpoint.KeyId),
        ("Signature", checkpoint.Signature),
    ];

    internal static async Task InsertCheckpointAsync(DbConnection connection, DbTransaction transaction, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, transaction, CheckpointSql);
        foreach (var (name, value) in CheckpointValues(checkpoint))
        {
            command.AddParameter(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes a checkpoint on its own (a quiet chain whose interval passed).</summary>
    public async Task AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertCheckpointAsync(connection, transaction, checkpoint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<(long Sequence, byte[] Hash)?> ReadHeadAsync(DbConnection connection, string sql, string chainId, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, null, sql);
        command.AddParameter("Chain", chainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    internal DatabaseKind Kind => database.Kind;
}
