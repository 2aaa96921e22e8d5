using System.Data.Common;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Audit;

/// <summary>
/// Removes entries older than the retention period, per chain, up to the newest signed checkpoint older than the
/// cutoff. That checkpoint stays as the pruning point, so the rest of the chain remains verifiable from it.
/// </summary>
public sealed class ExchangeLogPruner(ExchangeLogDatabase database)
{
    /// <summary>Prunes every chain up to its newest checkpoint signed before <paramref name="cutoff"/>; returns the entries removed.</summary>
    public async Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var points = new List<(string ChainId, long Sequence)>();
        await using (var command = ExchangeLogDatabase.Command(connection, null, """
            SELECT chain_id, max(sequence) FROM exchange_log_checkpoint WHERE signed_at_us < @Cutoff GROUP BY chain_id ORDER BY chain_id
            """))
        {
            command.AddParameter("Cutoff", Time.ToMicroseconds(cutoff));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                points.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        long removed = 0;
        foreach (var (chainId, sequence) in points)
        {
            removed += await PruneChainAsync(connection, chainId, sequence, cancellationToken);
        }

        return removed;
    }

    private async Task<long> PruneChainAsync(DbConnection connection, string chainId, long upTo, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, database.Kind == DatabaseKind.PostgreSql
            ? "SET LOCAL exchange.log_pruning = 'on'"
            : "INSERT INTO exchange_log_prune_gate (opened_at_us) VALUES (0)", chainId, upTo, cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM exchange_log_person WHERE chain_id = @Chain AND sequence <= @Sequence", chainId, upTo, cancellationToken);
        var removed = await ExecuteAsync(connection, transaction, "DELETE FROM exchange_log WHERE chain_id = @Chain AND sequence <= @Sequence", chainId, upTo, cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM exchange_log_checkpoint WHERE chain_id = @Chain AND sequence < @Sequence", chainId, upTo, cancellationToken);
        if (database.Kind == DatabaseKind.Sqlite)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM exchange_log_prune_gate", chainId, upTo, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string chainId, long sequence, CancellationToken cancellationToken)
    {
        await using var command = ExchangeLogDatabase.Command(connection, transaction, sql);
        if (sql.Contains("@Chain", StringComparison.Ordinal))
        {
            command.AddParameter("Chain", chainId);
            command.AddParameter("Sequence", sequence);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
