using System.Data.Common;
using Exchange.Silo.Storage;
using Npgsql;

namespace Exchange.Silo.Audit;

/// <summary>Connections to the database that holds the grain state, which also holds the exchange log.</summary>
public sealed class ExchangeLogDatabase : IAsyncDisposable
{
    private readonly DbDataSource _source;
    private readonly DbDataSource _writerSource;

    public ExchangeLogDatabase(DatabaseKind kind, string connectionString)
    {
        Kind = kind;
        _source = kind == DatabaseKind.PostgreSql
            ? NpgsqlDataSource.Create(connectionString)
            : new SqliteDataSource(connectionString);
        _writerSource = kind == DatabaseKind.PostgreSql
            ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = false }.ConnectionString)
            : _source;
    }

    public DatabaseKind Kind { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _source.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Opens synchronously, for the exchange-log writer's own thread, which keeps the connection. On PostgreSQL it is
    /// not multiplexed (Npgsql multiplexing has no synchronous commands, and it runs every command through the pool).
    /// </summary>
    public DbConnection OpenForWriter()
    {
        var connection = _writerSource.CreateConnection();
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        if (!ReferenceEquals(_writerSource, _source))
        {
            await _writerSource.DisposeAsync();
        }
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
