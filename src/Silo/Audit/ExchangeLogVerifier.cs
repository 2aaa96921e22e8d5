using System.Data.Common;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Audit;

/// <summary>
/// Walks every chain from its start (or the checkpoint it was pruned to) and names the first entry that was altered,
/// removed or reordered, checking each signed checkpoint on the way and the person index against each entry.
/// </summary>
public sealed class ExchangeLogVerifier(ExchangeLogDatabase database, TimeProvider time)
{
    /// <param name="retention">Entries younger than this must still be there: pruning before it is reported as removal.</param>
    public async Task<VerificationResult> VerifyAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await LoadKeysAsync(connection, cancellationToken);
        var chains = new List<ChainVerification>();
        foreach (var chainId in await LoadChainIdsAsync(connection, cancellationToken))
        {
            var checkpoints = await LoadCheckpointsAsync(connection, chainId, cancellationToken);
            chains.Add(await VerifyChainAsync(chainId, checkpoints, keys, now - retention, cancellationToken));
        }

        return new VerificationResult(
            now, chains.Sum(chain => chain.Entries), chains.Sum(chain => chain.Checkpoints), chains, chains.Select(chain => chain.Problem).FirstOrDefault(problem => problem is not null));
    }

    private async Task<ChainVerification> VerifyChainAsync(
        string chainId, List<Checkpoint> checkpoints, Dictionary<string, byte[]> keys, DateTimeOffset retainedSince, CancellationToken cancellationToken)
    {
        var walk = new ChainWalk(chainId, checkpoints, keys, retainedSince);
        await using var entryConnection = await database.OpenAsync(cancellationToken);
        await using var personConnection = await database.OpenAsync(cancellationToken);
        await using var entries = await OpenAsync(entryConnection, $"SELECT {EntryColumns.Select} FROM exchange_log WHERE chain_id = @Chain ORDER BY sequence", chainId, cancellationToken);
        await using var persons = await OpenAsync(personConnection, "SELECT sequence, hub_id, region FROM exchange_log_person WHERE chain_id = @Chain ORDER BY sequence, hub_id", chainId, cancellationToken);
        var index = new PersonIndexCursor(persons);
        while (walk.Problem is null && await entries.Reader.ReadAsync(cancellationToken))
        {
            var entry = EntryColumns.Read(entries.Reader);
            walk.Check(entry, await index.TakeAsync(entry.Sequence, cancellationToken));
            if (walk.Problem?.Kind == TamperKind.Reordered && !await ExistsLaterAsync(chainId, entry.PreviousHash, entry.Sequence, cancellationToken))
            {
                walk.NotReordered(entry);
            }
        }

        walk.Finish();
        return walk.Result();
    }

    private async Task<bool> ExistsLaterAsync(string chainId, byte[] hash, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = ExchangeLogDatabase.Command(connection, null, "SELECT count(*) FROM exchange_log WHERE chain_id = @Chain AND hash = @Hash AND sequence > @Sequence");
        command.AddParameter("Chain", chainId);
        command.AddParameter("Hash", hash);
        command.AddParameter("Sequence", sequence);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<OpenReader> OpenAsync(DbConnection connection, string sql, string chainId, CancellationToken cancellationToken)
    {
        var command = ExchangeLogDatabase.Command(connection, null, sql);
        command.AddParameter("Chain", chainId);
        return new OpenReader(command, await command.ExecuteReaderAsync(cancellationToken));
    }

    private static async Task<List<string>> LoadChainIdsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, null,
            "SELECT chain_id FROM exchange_log GROUP BY chain_id UNION SELECT chain_id FROM exchange_log_checkpoint GROUP BY chain_id ORDER BY 1");
        var chains = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chains.Add(reader.GetString(0));
        }

        return chains;
    }

    private static async Task<Dictionary<string, byte[]>> LoadKeysAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, null, "SELECT key_id, public_key FROM exchange_log_key");
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[reader.GetString(0)] = (byte[])reader[1];
        }

        return keys;
    }

    private static async Task<List<Checkpoint>> LoadCheckpointsAsync(DbConnection connection, string chainId, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, null,
            "SELECT sequence, hash, signed_at_us, key_id, signature FROM exchange_log_checkpoint WHERE chain_id = @Chain ORDER BY sequence");
        command.AddParameter("Chain", chainId);
        var checkpoints = new List<Checkpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new Checkpoint(chainId, reader.GetInt64(0), (byte[])reader[1], Time.FromMicroseconds(reader.GetInt64(2)), reader.GetString(3), (byte[])reader[4]));
        }

        return checkpoints;
    }

    private sealed class OpenReader(DbCommand command, DbDataReader reader) : IAsyncDisposable
    {
        public DbDataReader Reader => reader;

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }

    /// <summary>Reads the person index alongside the entries (both in sequence order) and hands out each entry's rows.</summary>
    private sealed class PersonIndexCursor(OpenReader persons)
    {
        private (long Sequence, TouchedPerson Person)? _next;
        private bool _done;

        public async Task<List<TouchedPerson>> TakeAsync(long sequence, CancellationToken cancellationToken)
        {
            var taken = new List<TouchedPerson>();
            while (true)
            {
                if (_next is null && !_done)
                {
                    if (await persons.Reader.ReadAsync(cancellationToken))
                    {
                        _next = (persons.Reader.GetInt64(0), new TouchedPerson(persons.Reader.GetString(1), persons.Reader.GetString(2)));
                    }
                    else
                    {
                        _done = true;
                    }
                }

                if (_next is not { } next || next.Sequence > sequence)
                {
                    return taken;
                }

                if (next.Sequence == sequence)
                {
                    taken.Add(next.Person);
                }

                _next = null;
            }
        }
    }
}
