using System.Data.Common;
using Exchange.Silo.Storage;
using Exchange.Testing.Postgres;
using Microsoft.Data.Sqlite;

namespace Exchange.Silo.Tests.Storage;

/// <summary>A fresh, empty database of either kind, plus direct SQL access for arranging and asserting.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqliteFolder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public string SqliteFolder => _sqliteFolder ?? throw new InvalidOperationException("Not a SQLite database.");

    /// <summary>SQLite: a connection string for a file in a folder that does not exist yet. PostgreSQL: a new database.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, string prefix)
    {
        if (kind == DatabaseKind.PostgreSql)
        {
            return new TestDatabase(kind, await TestPostgres.CreateDatabaseAsync(prefix), null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "exchange-tests", $"{prefix}-{Guid.NewGuid():N}", "data");
        return new TestDatabase(kind, SqliteConnectionStrings.ForDataFolder(folder), folder);
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = CreateCommand(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = CreateCommand(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.PostgreSql)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        var testFolder = Path.GetDirectoryName(_sqliteFolder)!;
        if (Directory.Exists(testFolder))
        {
            Directory.Delete(testFolder, recursive: true);
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = DatabaseCommands.Connection(Kind, ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand CreateCommand(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }
}
