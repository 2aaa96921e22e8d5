using Npgsql;

namespace Exchange.Silo.Storage;

/// <summary>Npgsql settings the hub's short, repeated statements benefit from, unless the operator set them.</summary>
internal static class PostgresConnectionStrings
{
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Orleans runs the same few statements millions of times: let Npgsql prepare them, sparing PostgreSQL a
        // parse and plan per call.
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        // The hub sets no session state, so a pooled connection needs no DISCARD ALL when it is returned.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        // Orleans sends many small independent commands at once, each on its own pooled connection; multiplexing
        // lets Npgsql pipeline them over a few connections, with far fewer socket writes and pool hand-offs.
        if (!connectionString.Contains("Multiplexing", StringComparison.OrdinalIgnoreCase))
        {
            builder.Multiplexing = true;
        }

        return builder.ConnectionString;
    }
}
