using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Silo.Storage;

/// <summary>
/// Copies the SQLite write-ahead log into the database file on a thread of its own, so that no write waits for it.
/// </summary>
/// <remarks>
/// By default the commit that takes the WAL past 1,000 pages runs the checkpoint inside itself: it copies the pages
/// and fsyncs both files. Measured under get-record load on the 2-core box: ~60 ms of the exchange-log writer's time
/// every ~250 ms, and every call waiting for its log entry queued behind it. Writing connections raise that automatic
/// threshold to a backstop (<see cref="SqliteDataSource"/>); this loop checkpoints every interval instead, PASSIVE:
/// it never waits for, nor blocks, a reader or a writer. A page written many times between checkpoints is copied once.
/// A writer restarts the WAL from its start only if, when it begins, every frame has been copied; under steady writes
/// (a log commit every 2-3 ms) new frames always arrive while a checkpoint runs, so the WAL keeps growing until a
/// commit crosses the backstop and checkpoints it, fsyncs included. The backstop is therefore large (200 MB), so
/// that this rare stall stays out of the p99.
/// </remarks>
internal sealed partial class SqliteCheckpointer(string connectionString, TimeSpan interval, ILogger<SqliteCheckpointer> logger) : IHostedService, IDisposable
{
    // Each checkpoint's fsyncs stall the file system's other writers (the exchange-log writer among them) for as long
    // as they take, and they take longer the more was written since the last one. Measured on SQLite get-record, p99:
    // every 500 ms 44-82 ms, every 100 ms 35-39 ms, every 50 ms 29-32 ms; in-commit checkpoints 34-44 ms.
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    private readonly ManualResetEventSlim _stopping = new();
    private Thread? _thread;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Set();
        _thread?.Join();
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stopping.Wait(interval))
            {
                try
                {
                    connection ??= Open();
                    Checkpoint(connection);
                }
                catch (SqliteException exception)
                {
                    // The schema installer may not have created the file yet, or the file went away: try again later.
                    LogCheckpointFailed(logger, exception.SqliteErrorCode, exception);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        // Not pooled, and never creating the file: the installer creates it, in WAL mode.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    private static void Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        command.ExecuteNonQuery();
    }

    [LoggerMessage(EventId = 180, Level = LogLevel.Debug, Message = "SQLite checkpoint failed (error {ErrorCode}); retrying at the next interval")]
    private static partial void LogCheckpointFailed(ILogger logger, int errorCode, Exception exception);
}
