using Exchange.Silo.Hosting;
using Exchange.Silo.Registry;
using Exchange.Silo.Schedule;
using Exchange.Silo.Search;
using Exchange.Silo.Storage;
using Exchange.Testing.Synthetic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.Storage;

/// <summary>
/// One silo with the production person and identifier grains on the production ADO.NET storage (installed schema,
/// JSON state) of one database kind, the directory as the hub builds it, and the schedule read model over the same
/// database.
/// </summary>
public abstract class RecordStorageFixture(DatabaseKind kind) : IAsyncLifetime
{
    private readonly Lock _populationLock = new();
    private readonly SyntheticPopulation _population = new(seed: 20_261_204, new DateOnly(2026, 12, 1));
    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialized.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>A directory of its own: each keeps its own memory of recent owners, as each node does.</summary>
    public PersonDirectory NewDirectory() => new(Cluster.Client, new StoredIdentifierIndex(kind, Database.ConnectionString, Cluster.Options.ServiceId));

    public IPersonSearch Search => new SqlPersonSearch(
        Options.Create(kind == DatabaseKind.PostgreSql
            ? new StorageOptions { Provider = kind, PostgreSql = Database.ConnectionString }
            : new StorageOptions { Provider = kind, DataFolder = Database.SqliteFolder }),
        Options.Create(new ClusterOptions { ServiceId = Cluster.Options.ServiceId }));

    public ScheduleReadModel ReadModel => new(kind, Database.ConnectionString, Cluster.Options.ServiceId);

    public ReadModelRebuilder Rebuilder => new(kind, Database.ConnectionString);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "records");
        await SchemaInstaller.InstallAsync(kind, _database.ConnectionString, CancellationToken.None);
        var connectionString = _database.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRecordsStorage(kind, connectionString);
            silo.Services.TryAddSingleton(TimeProvider.System);
            silo.Services.AddCanonicalModelSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddCanonicalModelSerialization());
        _cluster = builder.Build();
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

    public SyntheticChild NextChild()
    {
        lock (_populationLock)
        {
            return _population.NextChild();
        }
    }
}

public sealed class SqliteRecordStorageFixture() : RecordStorageFixture(DatabaseKind.Sqlite);

public sealed class PostgreSqlRecordStorageFixture() : RecordStorageFixture(DatabaseKind.PostgreSql);
