using System.Data.Common;

namespace Exchange.Silo.Audit;

/// <summary>
/// Appends exchange-log batches on SQLite through one kept connection and two prepared single-row statements.
/// </summary>
/// <remarks>
/// SQLite resolves named parameters by a linear scan, so a many-row statement costs quadratic time there; one prepared
/// single-row statement per table, re-executed inside the transaction, is as fast as SQLite inserts go. Keeping the
/// connection and the statements saves, per batch, a pool rent with its setup PRAGMAs and two statement compilations.
/// Not thread-safe: the exchange-log writer appends from its one thread.
/// </remarks>
internal sealed class SqliteLogAppender : IDisposable
{
    private static readonly string[] PersonColumns = ["c", "s", "h", "r", "t"];

    private readonly DbConnection _connection;
    private readonly DbCommand _entry;
    private readonly DbCommand _person;

    public SqliteLogAppender(DbConnection connection)
    {
        _connection = connection;
        var placeholders = string.Join(", ", Enumerable.Range(0, EntryColumns.Count).Select(column => $"@p{column}"));
        _entry = Prepared($"INSERT INTO exchange_log ({EntryColumns.Select}) VALUES ({placeholders})", EntryColumns.Count, column => $"p{column}");
        _person = Prepared(
            "INSERT INTO exchange_log_person (chain_id, sequence, hub_id, region, recorded_at_us) VALUES (@c, @s, @h, @r, @t)",
            PersonColumns.Length,
            column => PersonColumns[column]);
    }

    public void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        using var transaction = _connection.BeginTransaction();
        _entry.Transaction = transaction;
        _person.Transaction = transaction;
        foreach (var entry in entries)
        {
            Execute(_entry, EntryColumns.Values(entry));
            foreach (var person in entry.Entry.Persons.DistinctBy(person => person.HubId))
            {
                Execute(_person, [entry.ChainId, entry.Sequence, person.HubId, person.Region, Time.ToMicroseconds(entry.Entry.RecordedAt)]);
            }
        }

        foreach (var checkpoint in checkpoints)
        {
            // Microsoft.Data.Sqlite's asynchronous calls complete synchronously.
            ExchangeLogStore.InsertCheckpointAsync(_connection, transaction, checkpoint, CancellationToken.None).GetAwaiter().GetResult();
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        _entry.Dispose();
        _person.Dispose();
        _connection.Dispose();
    }

    private DbCommand Prepared(string sql, int parameters, Func<int, string> name)
    {
        var command = ExchangeLogDatabase.Command(_connection, null, sql);
        for (var column = 0; column < parameters; column++)
        {
            ExchangeLogDatabase.Add(command, name(column), DBNull.Value);
        }

        command.Prepare();
        return command;
    }

    private static void Execute(DbCommand command, object[] values)
    {
        for (var column = 0; column < values.Length; column++)
        {
            command.Parameters[column].Value = values[column];
        }

        command.ExecuteNonQuery();
    }
}
