using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>A real hub process on the embedded default (SQLite in a fresh data folder).</summary>
public sealed class SqliteHubFixture : IAsyncLifetime
{
    public HubProcess Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubProcess.StartAsync(HubSettings.Sqlite());

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>A real hub process on a fresh PostgreSQL database.</summary>
public sealed class PostgresHubFixture : IAsyncLifetime
{
    private string _database = null!;

    public HubProcess Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("e2e");
        Hub = await HubProcess.StartAsync(HubSettings.Postgres(_database));
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
