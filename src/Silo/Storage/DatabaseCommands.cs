using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Exchange.Silo.Storage;

/// <summary>Plain ADO.NET access to the configured database, for the queries the hub runs beside grain storage.</summary>
public static class DatabaseCommands
{
    /// <summary>A new, unopened connection (pooled by its connection string).</summary>
    public static DbConnection Connection(DatabaseKind kind, string connectionString) => kind == DatabaseKind.PostgreSql
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);

    /// <summary>Adds a named parameter; null is sent as SQL NULL.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
