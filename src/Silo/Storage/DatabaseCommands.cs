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

    /// <summary>Adds a named parameter, written @name in the query text; null is sent as SQL NULL.</summary>
    /// <remarks>
    /// The name is stored with its @: Microsoft.Data.Sqlite looks every parameter up by name at every execution, and a
    /// bare "name" costs four lookups ("name", then "@name", "$name", ":name"), each a linear scan of the statement's
    /// parameters. On the SQLite exchange-log writer that was a fifth of its CPU. Npgsql accepts either form.
    /// </remarks>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name[0] is '@' or '$' or ':' ? name : "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
