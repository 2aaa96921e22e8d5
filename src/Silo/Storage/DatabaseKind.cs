namespace Exchange.Silo.Storage;

/// <summary>The database behind grain storage (and, for PostgreSQL, clustering).</summary>
public enum DatabaseKind
{
    /// <summary>Embedded single-node default: one SQLite file in the data folder.</summary>
    Sqlite = 1,

    /// <summary>Production: PostgreSQL 15 or later, shared by every silo of the cluster.</summary>
    PostgreSql = 2,
}
