using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Exchange.Silo.Storage;

/// <summary>
/// Applies the embedded schema scripts (Storage/Sql/&lt;database&gt;/*.sql) in file-name order. Every script is
/// idempotent, so this runs on every start and also refreshes the named queries in OrleansQuery.
/// </summary>
internal static class SchemaInstaller
{
    private const string ResourcePrefix = "Exchange.Silo.Sql.";

    // Any fixed number will do; every silo installing this schema must use the same one.
    private const long PostgresAdvisoryLockKey = 0x45_78_63_68_61_6E_67_65; // "Exchange"

    public static Task InstallAsync(DatabaseKind kind, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return kind switch
        {
            DatabaseKind.Sqlite => InstallSqliteAsync(connectionString, cancellationToken),
            DatabaseKind.PostgreSql => InstallPostgreSqlAsync(connectionString, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database kind."),
        };
    }

    private static async Task InstallPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        var scripts = LoadScripts("postgresql");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Silos starting together would otherwise race on CREATE TABLE IF NOT EXISTS (duplicate pg_type rows).
        // The lock is released by the commit, and the DDL is transactional: all scripts apply or none.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})", cancellationToken);
        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InstallSqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var scripts = LoadScripts("sqlite");
        CreateDatabaseFolder(new SqliteConnectionStringBuilder(connectionString));
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL is a property of the file (it persists), and it cannot be switched inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);

        // BEGIN IMMEDIATE: a second process installing at the same time waits instead of failing half way.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void CreateDatabaseFolder(SqliteConnectionStringBuilder builder)
    {
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<string> LoadScripts(string folder)
    {
        var assembly = typeof(SchemaInstaller).Assembly;

        // RecursiveDir gives "postgresql/" on Unix and "postgresql\" on Windows.
        var names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal)
                && name.Length > ResourcePrefix.Length + folder.Length
                && name[ResourcePrefix.Length + folder.Length] is '/' or '\\'
                && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"No embedded schema scripts found for '{folder}' (resource prefix {ResourcePrefix}{folder}/).");
        }

        return names.ConvertAll(name => ReadResource(assembly, name));
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
