namespace Exchange.Silo.Storage;

/// <summary>The ADO.NET invariant names Orleans 10.4 maps to a provider factory.</summary>
internal static class AdoNetInvariants
{
    public const string PostgreSql = "Npgsql";

    // Orleans maps this name to Microsoft.Data.Sqlite; "Microsoft.Data.Sqlite" itself is unknown to it.
    public const string Sqlite = "System.Data.SQLite";

    public static string For(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Sqlite,
        DatabaseKind.PostgreSql => PostgreSql,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database kind."),
    };
}
