using Exchange.Silo.Hosting;
using Exchange.Silo.Storage;
using Exchange.Silo.Tests.Storage;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.CodeMaps;

/// <summary>
/// One silo with the production grains on the production storage setup (ADO.NET provider "records", JSON state) over a
/// fresh installed database of one kind, for code-map grain and quarantine store tests.
/// </summary>
public abstract class CodeMapStorageFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialized.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "codemaps");
        await SchemaInstaller.InstallAsync(kind, _database.ConnectionString, CancellationToken.None);
        var connectionString = _database.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRecordsStorage(kind, connectionString);
            silo.Services.AddCanonicalModelSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddCanonicalModelSerialization());
        _cluster = builder.AsProduction().Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteCodeMapStorageFixture() : CodeMapStorageFixture(DatabaseKind.Sqlite);

public sealed class PostgreSqlCodeMapStorageFixture() : CodeMapStorageFixture(DatabaseKind.PostgreSql);
