using Microsoft.Data.Sqlite;

namespace Exchange.Silo.Storage;

/// <summary>Connection strings for the embedded SQLite store.</summary>
internal static class SqliteConnectionStrings
{
    public const string DatabaseFileName = "exchange.db";

    /// <summary>The connection string for <c>&lt;dataFolder&gt;/exchange.db</c> (the installer creates the folder).</summary>
    /// <remarks>
    /// Pooling keeps each physical connection (and its per-connection PRAGMAs) open between Orleans operations, which
    /// open and close a connection per call. Private cache: shared cache would swap the file lock for table locks that
    /// fail with SQLITE_LOCKED and are retried the same slow way. Default Timeout bounds a command that stays blocked.
    /// WAL mode is set on the file by <see cref="SchemaInstaller"/>; synchronous=NORMAL and busy_timeout are
    /// per-connection settings, see the write queries in Sql/sqlite and <see cref="SqliteDataSource"/>.
    /// </remarks>
    public static string ForDataFolder(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataFolder), DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
