using Exchange.Silo.Storage;

namespace Exchange.Silo.Hosting;

/// <summary>Where records are stored. Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (embedded default, one file in <see cref="DataFolder"/>) or PostgreSql.</summary>
    public DatabaseKind Provider { get; set; } = DatabaseKind.Sqlite;

    /// <summary>Folder of the SQLite database, created on first start. Relative paths are relative to the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgreSql { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return $"Storage:Provider must be Sqlite or PostgreSql, not {Provider}.";
        }

        if (Provider == DatabaseKind.PostgreSql && string.IsNullOrWhiteSpace(PostgreSql))
        {
            yield return "Storage:Provider is PostgreSql, so Storage:PostgreSql must hold an Npgsql connection string.";
        }

        if (Provider == DatabaseKind.Sqlite && string.IsNullOrWhiteSpace(DataFolder))
        {
            yield return "Storage:DataFolder must name a folder for the SQLite database.";
        }
    }

    public string ConnectionString => Provider == DatabaseKind.PostgreSql
        ? PostgresConnectionStrings.Tune(PostgreSql!)
        : SqliteConnectionStrings.ForDataFolder(Path.GetFullPath(DataFolder));
}
