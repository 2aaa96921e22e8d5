using Exchange.Silo.Storage;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.Storage;

public sealed class SqliteDataSourceTests
{
    [Fact]
    public async Task OpenConnection_SetsBusyTimeoutNormalSyncAndTheCheckpointBackstop()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "datasource");
        await SchemaInstaller.InstallAsync(DatabaseKind.Sqlite, database.ConnectionString, CancellationToken.None);
        await using var dataSource = new SqliteDataSource(database.ConnectionString);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        var busyTimeout = await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous";
        var synchronous = await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        var autoCheckpoint = await command.ExecuteScalarAsync();

        Assert.Equal(5000L, busyTimeout);
        Assert.Equal(1L, synchronous);
        Assert.Equal(50_000L, autoCheckpoint);
    }

    [Fact]
    public async Task WriteState_ManyGrainsConcurrentlyThroughDataSource_AllPersist()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "datasource");
        await SchemaInstaller.InstallAsync(DatabaseKind.Sqlite, database.ConnectionString, CancellationToken.None);
        await using var dataSource = new SqliteDataSource(database.ConnectionString);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAdoNetGrainStorage(ProbeStorage.ProviderName, options =>
        {
            options.Invariant = AdoNetInvariants.Sqlite;
            options.DataSource = dataSource;
            options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer();
        }));
        await using var cluster = builder.AsProduction().Build();
        await cluster.DeployAsync();
        var grains = Enumerable.Range(0, 64).Select(i => cluster.Client.GetGrain<IStringProbeGrain>($"concurrent/{i}")).ToList();

        foreach (var round in Enumerable.Range(0, 5))
        {
            await Task.WhenAll(grains.Select(grain => grain.WriteAsync($"round-{round}")));
        }

        var stored = await database.ScalarAsync(
            "SELECT count(*) FROM grain_state WHERE version = 5 AND json_extract(payload, '$.value') = 'round-4'");
        Assert.Equal(64L, stored);
    }
}
