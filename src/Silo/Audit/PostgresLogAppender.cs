using System.Data;
using Npgsql;

namespace Exchange.Silo.Audit;

/// <summary>
/// Appends exchange-log batches on PostgreSQL through one kept connection of its own, synchronously, in one round trip.
/// </summary>
/// <remarks>
/// Every exchange waits for its entry to commit, so the append is on every call's path, and it must not wait for the
/// thread pool those calls keep busy. On the hub's shared, multiplexed connections each batch went out through
/// Npgsql's write loop and came back through its read loop, both pool work; a connection of its own (no
/// multiplexing) lets the writer's thread send the batch and block on the socket until PostgreSQL answers.
/// </remarks>
internal sealed class PostgresLogAppender(NpgsqlConnection connection) : ILogAppender
{
    private const string EntriesSql = $"""
        INSERT INTO exchange_log ({EntryColumns.Select})
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        """;

    private const string PersonsSql = $"""
        INSERT INTO exchange_log_person ({PersonColumns.Select})
        SELECT * FROM unnest($1, $2, $3, $4, $5)
        """;

    /// <summary>
    /// One batch with no explicit transaction is one round trip: PostgreSQL runs the statements up to the batch's
    /// single Sync as one implicit transaction, committed (and flushed, with synchronous_commit) before it answers; a
    /// failing statement skips the rest and rolls back the earlier ones (Npgsql adds no error barriers unless asked).
    /// An explicit BEGIN, INSERTs and COMMIT would take three.
    /// </summary>
    public void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        using var batch = connection.CreateBatch();
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
            var statement = new NpgsqlBatchCommand(ExchangeLogStore.CheckpointSql);
            foreach (var (name, value) in ExchangeLogStore.CheckpointValues(checkpoint))
            {
                statement.Parameters.AddWithValue(name, value);
            }

            batch.BatchCommands.Add(statement);
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }

    public bool LostConnection => connection.FullState != ConnectionState.Open;

    public void Dispose() => connection.Dispose();

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
}
