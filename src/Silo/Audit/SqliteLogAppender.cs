using System.Data.Common;
using Exchange.Silo.Storage;

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
internal sealed class SqliteLogAppender : ILogAppender
{
    private readonly DbConnection _connection;
    private readonly DbCommand _entry;
    private readonly DbCommand _person;

    public SqliteLogAppender(DbConnection connection)
    {
        _connection = connection;
        _entry = Prepared("exchange_log", EntryColumns.Select, EntryColumns.Count);
        _person = Prepared("exchange_log_person", PersonColumns.Select, PersonColumns.Count);
    }

    public void Append(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints)
    {
        using var transaction = _connection.BeginTransaction();
        _entry.Transaction = transaction;
        _person.Transaction = transaction;
        foreach (var entry in entries)
        {
            Execute(_entry, EntryColumns.Values(entry));
            foreach (var row in PersonColumns.Rows(entry))
            {
                Execute(_person, row);
            }
        }

        foreach (var checkpoint in checkpoints)
        {
            // Microsoft.Data.Sqlite's asynchronous calls complete synchronously.
            ExchangeLogStore.InsertCheckpointAsync(_connection, transaction, checkpoint, CancellationToken.None).GetAwaiter().GetResult();
        }

        transaction.Commit();
    }

    public bool LostConnection => false;

    public void Dispose()
    {
        _entry.Dispose();
        _person.Dispose();
        _connection.Dispose();
    }

    /// <summary>A single-row INSERT into <paramref name="table"/>, its values bound by position (@p0, @p1, ...).</summary>
    private DbCommand Prepared(string table, string columns, int count)
    {
        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(column => $"@p{column}"));
        var command = ExchangeLogDatabase.Command(_connection, null, $"INSERT INTO {table} ({columns}) VALUES ({placeholders})");
        for (var column = 0; column < count; column++)
        {
            command.AddParameter($"p{column}", DBNull.Value);
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
