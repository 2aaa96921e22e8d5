using System.Globalization;
using System.Data.Common;
using System.Text;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Audit;

/// <summary>Appends chained entries and checkpoints, and tells a writer where its chain ends.</summary>
public sealed class ExchangeLogStore(ExchangeLogDatabase database)
{
    // Both SQLite (32,766) and PostgreSQL (65,535) take this many rows of 19 parameters in one statement.
    private const int RowsPerStatement = 500;

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
        ExchangeLogDatabase.Add(command, "KeyId", keyId);
        ExchangeLogDatabase.Add(command, "PublicKey", publicKey);
        ExchangeLogDatabase.Add(command, "AddedAt", Time.ToMicroseconds(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes entries (with their person index rows) and checkpoints in one transaction.</summary>
    public async Task AppendAsync(IReadOnlyList<LoggedEntry> entries, IReadOnlyList<Checkpoint> checkpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Kind == DatabaseKind.Sqlite)
        {
            await InsertRowByRowAsync(connection, transaction, entries, cancellationToken);
        }
        else
        {
            foreach (var chunk in entries.Chunk(RowsPerStatement))
            {
                await InsertEntriesAsync(connection, transaction, chunk, cancellationToken);
                foreach (var personChunk in PersonRows(chunk).Chunk(RowsPerStatement))
                {
                    await InsertPersonsAsync(connection, transaction, personChunk, cancellationToken);
                }
            }
        }

        foreach (var checkpoint in checkpoints)
        {
            await InsertCheckpointAsync(connection, transaction, checkpoint, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<(LoggedEntry Entry, TouchedPerson Person)> PersonRows(IEnumerable<LoggedEntry> entries) =>
        entries.SelectMany(entry => entry.Entry.Persons.DistinctBy(person => person.HubId).Select(person => (entry, person)));

    /// <summary>
    /// SQLite resolves named parameters by a linear scan, so a many-row statement costs quadratic time there; one
    /// prepared single-row statement per table, re-executed inside the transaction, is as fast as SQLite inserts go.
    /// </summary>
    private static async Task InsertRowByRowAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LoggedEntry> entries, CancellationToken cancellationToken)
    {
        var placeholders = string.Join(", ", Enumerable.Range(0, EntryColumns.Count).Select(column => $"@p{column}"));
        await using var entryCommand = ExchangeLogDatabase.Command(connection, transaction, $"INSERT INTO exchange_log ({EntryColumns.Select}) VALUES ({placeholders})");
        await using var personCommand = ExchangeLogDatabase.Command(connection, transaction,
            "INSERT INTO exchange_log_person (chain_id, sequence, hub_id, region, recorded_at_us) VALUES (@c, @s, @h, @r, @t)");
        for (var column = 0; column < EntryColumns.Count; column++)
        {
            ExchangeLogDatabase.Add(entryCommand, $"p{column}", DBNull.Value);
        }

        foreach (var name in new[] { "c", "s", "h", "r", "t" })
        {
            ExchangeLogDatabase.Add(personCommand, name, DBNull.Value);
        }

        foreach (var entry in entries)
        {
            var values = EntryColumns.Values(entry);
            for (var column = 0; column < values.Length; column++)
            {
                entryCommand.Parameters[column].Value = values[column];
            }

            await entryCommand.ExecuteNonQueryAsync(cancellationToken);
            foreach (var (_, person) in PersonRows([entry]))
            {
                object[] row = [entry.ChainId, entry.Sequence, person.HubId, person.Region, Time.ToMicroseconds(entry.Entry.RecordedAt)];
                for (var column = 0; column < row.Length; column++)
                {
                    personCommand.Parameters[column].Value = row[column];
                }

                await personCommand.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static async Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, LoggedEntry[] entries, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, transaction, string.Empty);
        var sql = new StringBuilder("INSERT INTO exchange_log (").Append(EntryColumns.Select).Append(") VALUES ");
        for (var row = 0; row < entries.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ",(");
            var values = EntryColumns.Values(entries[row]);
            for (var column = 0; column < values.Length; column++)
            {
                var name = $"p{row}_{column}";
                sql.Append(column == 0 ? "@" : ",@").Append(name);
                ExchangeLogDatabase.Add(command, name, values[column]);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertPersonsAsync(
        DbConnection connection, DbTransaction transaction, (LoggedEntry Entry, TouchedPerson Person)[] rows, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, transaction, string.Empty);
        var sql = new StringBuilder("INSERT INTO exchange_log_person (chain_id, sequence, hub_id, region, recorded_at_us) VALUES ");
        for (var row = 0; row < rows.Length; row++)
        {
            var (entry, person) = rows[row];
            sql.Append(row == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"(@c{row},@s{row},@h{row},@r{row},@t{row})");
            ExchangeLogDatabase.Add(command, $"c{row}", entry.ChainId);
            ExchangeLogDatabase.Add(command, $"s{row}", entry.Sequence);
            ExchangeLogDatabase.Add(command, $"h{row}", person.HubId);
            ExchangeLogDatabase.Add(command, $"r{row}", person.Region);
            ExchangeLogDatabase.Add(command, $"t{row}", Time.ToMicroseconds(entry.Entry.RecordedAt));
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertCheckpointAsync(DbConnection connection, DbTransaction transaction, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, transaction, """
            INSERT INTO exchange_log_checkpoint (chain_id, sequence, hash, signed_at_us, key_id, signature)
            VALUES (@Chain, @Sequence, @Hash, @SignedAt, @KeyId, @Signature)
            """);
        ExchangeLogDatabase.Add(command, "Chain", checkpoint.ChainId);
        ExchangeLogDatabase.Add(command, "Sequence", checkpoint.Sequence);
        ExchangeLogDatabase.Add(command, "Hash", checkpoint.Hash);
        ExchangeLogDatabase.Add(command, "SignedAt", Time.ToMicroseconds(checkpoint.SignedAt));
        ExchangeLogDatabase.Add(command, "KeyId", checkpoint.KeyId);
        ExchangeLogDatabase.Add(command, "Signature", checkpoint.Signature);
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
        ExchangeLogDatabase.Add(command, "Chain", chainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    internal DatabaseKind Kind => database.Kind;
}
