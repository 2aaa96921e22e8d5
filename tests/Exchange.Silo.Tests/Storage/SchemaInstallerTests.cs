using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Storage;

public sealed class SchemaInstallerTests
{
    private static readonly string[] PersistenceKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ClusteringKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task InstallAsync_RunTwice_InstallsEveryQueryOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, "installer");

        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);

        var expected = kind == DatabaseKind.PostgreSql ? [.. PersistenceKeys, .. ClusteringKeys] : PersistenceKeys;
        foreach (var key in expected)
        {
            Assert.Equal(1L, Convert.ToInt64(
                await database.ScalarAsync("SELECT count(*) FROM OrleansQuery WHERE QueryKey = @key", ("key", key)),
                System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal((long)expected.Length, Convert.ToInt64(
            await database.ScalarAsync("SELECT count(*) FROM OrleansQuery"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task InstallAsync_ChangedQueryText_IsRestored(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, "installer");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        var original = await database.ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'");

        await database.ExecuteAsync("UPDATE OrleansQuery SET QueryText = 'outdated' WHERE QueryKey = 'WriteToStorageKey'");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);

        Assert.Equal(original, await database.ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
    }

    [Fact]
    public async Task InstallAsync_PostgreSqlSilosStartingTogether_AllSucceed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql, "installer");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => SchemaInstaller.InstallAsync(DatabaseKind.PostgreSql, database.ConnectionString, CancellationToken.None))));

        Assert.NotNull(await database.ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'InsertMembershipKey'"));
    }

    [Fact]
    public async Task InstallAsync_SqliteMissingFolder_CreatesDatabaseInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "installer");
        Assert.False(Directory.Exists(database.SqliteFolder));

        await SchemaInstaller.InstallAsync(DatabaseKind.Sqlite, database.ConnectionString, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(database.SqliteFolder, SqliteConnectionStrings.DatabaseFileName)));
        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode"));
    }
}
