using Npgsql;

namespace Exchange.Testing.Postgres;

/// <summary>
/// Fresh, uniquely named PostgreSQL databases for tests. The server comes from EXCHANGE_TEST_POSTGRES, by default the
/// throwaway cluster that .ci/start-postgres.sh runs on 127.0.0.1:55432. Tests that need it fail, not skip, without it.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "EXCHANGE_TEST_POSTGRES";
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    // PostgreSQL truncates identifiers to 63 bytes; a 32-character Guid plus "_" leaves 30 for the prefix.
    private const int MaxPrefixLength = 30;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitize(prefix)}_{Guid.NewGuid():N}";
        await using var connection = await OpenServerAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing connections still open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = await OpenServerAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenServerAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Timeout = 5, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The test PostgreSQL server at {builder.Host}:{builder.Port} is not reachable ({exception.Message}). "
                + $"Start it with .ci/start-postgres.sh, or point {ServerVariable} at another server.",
                exception);
        }
    }

    private static string Sanitize(string prefix)
    {
        var cleaned = new string([.. prefix.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')]);
        cleaned = cleaned.Length == 0 ? "test" : cleaned;
        return cleaned.Length > MaxPrefixLength ? cleaned[..MaxPrefixLength] : cleaned;
    }
}
