using System.Data.Common;
using Exchange.Silo.Storage;
using Npgsql;

namespace Exchange.Silo.Audit;

/// <summary>Connections to the database that holds the grain state, which also holds the exchange log.</summary>
public sealed class ExchangeLogDatabase : IAsyncDisposable
{
    private readonly DbDataSource _source;

    public ExchangeLogDatabase(DatabaseKind kind, string connectionString)
    {
        Kind = kind;
        _source = kind == DatabaseKind.PostgreSql
            ? NpgsqlDataSource.Create(connectionString)
            : new SqliteDataSource(connectionString);
    }

    public DatabaseKind Kind { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _source.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Opens synchronously, for the exchange-log writer's own thread (SQLite only: Npgsql multiplexing has no synchronous commands).</summary>
    public DbConnection Open()
    {
        var connection = _source.CreateConnection();
        connection.Open();
        return connection;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
