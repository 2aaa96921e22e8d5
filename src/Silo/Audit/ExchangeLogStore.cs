using System.Data.Common;
using Exchange.Silo.Storage;
using Npgsql;

namespace Exchange.Silo.Audit;

/// <summary>Appends chained entries and checkpoints, and tells a writer where its chain ends.</summary>
public sealed class ExchangeLogStore(ExchangeLogDatabase database) : IDisposable
{
    private SqliteLogAppender? _sqlite;

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
    /// thread-safe: the writer calls it from its own thread (see <see cref="ExchangeLogWriter"/>). On PostgreSQL it
    /// waits for the asynchronous write (the hub's connections multiplex, which has no synchronous commands).
    /// </summary>
    public void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (database.Kind == DatabaseKind.PostgreSql)
        {
            WaitWithoutSpinning(AppendInOneRoundTripAsync(entries, checkpoints));
            return;
        }

        var appender = _sqlite ??= new SqliteLogAppender(database.Open());
        try
        {
            appender.Append(entries, checkpoints);
        }
        catch
        {
            // Start over on a fresh connection: this one may be in any state.
            _sqlite = null;
            appender.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        _sqlite = null;
    }

    /// <summary>
    /// Blocks the writer's thread until the commit answers. Task.Wait spins first, yielding the CPU in a loop: 16% of
    /// the writer thread's CPU in a perf profile, taken from the requests that share the two cores, for a commit that
    /// takes a millisecond or more anyway.
    /// </summary>
    private static void WaitWithoutSpinning(Task task)
    {
        if (!task.IsCompleted)
        {
            using var committed = new ManualResetEventSlim(initialState: false, spinCount: 0);
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(committed.Set);
            committed.Wait();
        }

        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Every exchange waits for its entry to commit, so the commit's round trips are on every call's path. One batch
    /// with no explicit transaction is one round trip: PostgreSQL runs the statements up to the batch's single Sync
    /// as one implicit transaction, committed (and flushed, with synchronous_commit) before it answers; a failing
    /// statement skips the rest and rolls back the earlier ones (Npgsql adds no error barriers unless asked). An
    /// explicit BEGIN, INSERTs and COMMIT would take three.
    /// </summary>
    private async Task AppendInOneRoundTripAsync(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync(CancellationToken.None);
        await using var batch = connection.CreateBatch();
        if (entries.Count > 0)
        {
            batch.BatchCommands.Add(ColumnArraysStatement(EntriesSql, [.. entries.Select(EntryColumns.Values)]));
        }

        if (entries.SelectMany(PersonColumns.Rows).ToArray() is { Length: > 0 } persons)
        {
            batch.BatchCommands.Add(ColumnArraysStatement(PersonsSql, persons));
        }

        foreach (var checkpoint in checkpoints)
        {
            var statement = new NpgsqlBatchCommand(CheckpointSql);
            foreach (var (name, value) in CheckpointValues(checkpoint))
            {
                statement.Parameters.AddWithValue(name, value);
            }

            batch.BatchCommands.Add(statement);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// All rows in one INSERT of column arrays ($1 … one array per column): the text is the same for every batch, so
    /// PostgreSQL plans it once per connection. A multi-row VALUES list was a new statement of up to 19 × 500
    /// parameters to parse and plan at every batch, and every read waits for its batch. The parameters are positional
    /// and unnamed, so Npgsql sends the text as it is; named ones (@p0) it parsed and rewrote at every batch (8% of
    /// the writer thread's CPU).
    /// </summary>
    private static NpgsqlBatchCommand ColumnArraysStatement(string sql, object[][] rows)
    {
        var statement = new NpgsqlBatchCommand(sql);
        for (var column = 0; column < rows[0].Length; column++)
        {
            // Typed arrays (string[], long[], int[], byte[][]): Npgsql sends them as text[], bigint[], integer[], bytea[].
            var values = Array.CreateInstance(rows[0][column].GetType(), rows.Length);
            for (var row = 0; row < rows.Length; row++)
            {
                values.SetValue(rows[row][column], row);
            }

            statement.Parameters.Add(new NpgsqlParameter { Value = values });
        }

        return statement;
    }

    private const string EntriesSql = $"""
        INSERT INTO exchange_log ({EntryColumns.Select})
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        """;

    private const string PersonsSql = $"""
        INSERT INTO exchange_log_person ({PersonColumns.Select})
        SELECT * FROM unnest($1, $2, $3, $4, $5)
        """;

    private const string CheckpointSql = """
        INSERT INTO exchange_log_checkpoint (chain_id, sequence, hash, signed_at_us, key_id, signature)
        VALUES (@Chain, @Sequence, @Hash, @SignedAt, @KeyId, @Signature)
        """;

    private static (string Name, object Value)[] CheckpointValues(Checkpoint checkpoint) =>
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
