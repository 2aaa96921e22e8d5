using Exchange.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Silo.Tests.Storage;

/// <summary>
/// Writers' connections leave the write-ahead log to the checkpointer (their automatic threshold is a 200 MB backstop),
/// so without it committed pages would stay in the WAL; with it they reach the database file within moments.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    private const int Rows = 1500;

    [Fact]
    public async Task Writes_ThroughTheDataSource_AreCopiedIntoTheDatabaseFileOnlyByTheCheckpointer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "checkpointer");
        await SchemaInstaller.InstallAsync(DatabaseKind.Sqlite, database.ConnectionString, CancellationToken.None);
        await using var dataSource = new SqliteDataSource(database.ConnectionString);
        // SQLite checkpoints when the last connection to a file closes, and tests running beside this one clear every
        // connection pool in the process: this unpooled connection, open throughout, is never that last one. Opening
        // alone does not count: SQLite opens the file lazily, and a connection holds its share of the WAL only from its
        // first statement (without one, this test failed now and then with the rows already in the file).
        await using var keepOpen = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
        await keepOpen.OpenAsync();
        await using (var touch = keepOpen.CreateCommand())
        {
            touch.CommandText = "SELECT count(*) FROM sqlite_master";
            await touch.ExecuteScalarAsync();
        }
        var file = Path.Combine(database.SqliteFolder, SqliteConnectionStrings.DatabaseFileName);
        await WriteRowsAsync(dataSource);
        var sizeBefore = new FileInfo(file).Length;

        // 1,500 rows of 4 KB: past SQLite's default threshold of 1,000 pages, below the backstop.
        Assert.True(sizeBefore < Rows * 4096, $"the database file already holds the rows ({sizeBefore} bytes)");

        using var checkpointer = new SqliteCheckpointer(database.ConnectionString, TimeSpan.FromMilliseconds(20), NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(file).Length < Rows * 4096 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await checkpointer.StopAsync(CancellationToken.None);
        Assert.True(new FileInfo(file).Length >= Rows * 4096, $"the checkpointer copied nothing ({new FileInfo(file).Length} bytes)");
    }

    private static async Task WriteRowsAsync(SqliteDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "INSERT INTO filler (body) VALUES (randomblob(4096))";
        for (var row = 0; row < Rows; row++)
        {
            // One commit per row, as the hub commits: each appends its pages to the WAL.
            await command.ExecuteNonQueryAsync();
        }
    }
}
