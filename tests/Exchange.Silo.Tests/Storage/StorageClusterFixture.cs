using Exchange.Silo.Storage;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.Storage;

/// <summary>One silo whose "test" provider is AdoNetGrainStorage on a fresh, installed database of one kind.</summary>
public abstract class StorageClusterFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialized.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "storage");
        await SchemaInstaller.InstallAsync(kind, _database.ConnectionString, CancellationToken.None);
        var connectionString = _database.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAdoNetGrainStorage(ProbeStorage.ProviderName, options =>
        {
            options.Invariant = AdoNetInvariants.For(kind);
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer();
        }));
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

public sealed class SqliteStorageClusterFixture() : StorageClusterFixture(DatabaseKind.Sqlite);

public sealed class PostgreSqlStorageClusterFixture() : StorageClusterFixture(DatabaseKind.PostgreSql);
