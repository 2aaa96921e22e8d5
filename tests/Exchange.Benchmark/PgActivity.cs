using System.Globalization;
using Exchange.Testing.Postgres;
using Npgsql;

namespace Exchange.Benchmark;

/// <summary>
/// Work a database did, from pg_stat_database (transactions, rows), plus the WAL the whole server wrote (other users
/// of the server included, so approximate). Backends publish their counters at most once a second and, when idle,
/// after about 10 s: read the end snapshot after the connections closed or stayed idle that long.
/// </summary>
internal sealed record PgSnapshot(long Commits, long Inserted, long Updated, long Fetched, decimal WalPosition)
{
    public static readonly TimeSpan IdleFlushDelay = TimeSpan.FromSeconds(11);

    public static async Task<PgSnapshot> TakeAsync(string databaseConnectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(databaseConnectionString).Database;
        await using var dataSource = NpgsqlDataSource.Create(TestPostgres.ServerConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT xact_commit, tup_inserted, tup_updated, tup_fetched, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')
            FROM pg_stat_database WHERE datname = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new BenchmarkException("pg_stat_database has no row for the benchmark database.");
        }

        return new PgSnapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDecimal(4));
    }

    /// <summary>The work since <paramref name="start"/>, per child for <paramref name="children"/> children.</summary>
    public PgActivity PerChildSince(PgSnapshot start, int children)
    {
        ArgumentNullException.ThrowIfNull(start);
        double PerChild(decimal value) => (double)value / children;
        return new PgActivity(
            PerChild(Commits - start.Commits),
            PerChild(Inserted - start.Inserted + Updated - start.Updated),
            PerChild(Fetched - start.Fetched),
            PerChild(WalPosition - start.WalPosition) / 1024);
    }
}

/// <summary>Per child: committed transactions, rows inserted or updated, rows fetched, and server-wide WAL in KiB.</summary>
internal sealed record PgActivity(double Commits, double RowsWritten, double RowsFetched, double WalKib)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"per child: {Commits:F1} commits, {RowsWritten:F1} rows written, {RowsFetched:F1} rows fetched, {WalKib:F1} KiB WAL (server-wide)");
}
