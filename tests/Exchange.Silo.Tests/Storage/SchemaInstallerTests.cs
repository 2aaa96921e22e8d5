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

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task InstallAsync_DatabaseWithPerDoseCoverageTable_FillsCoverageFromStoredProjectionsAndDropsIt(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, "installer");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        const string Payload = """
            {"record":{"hubId":"hub-1"},"schedule":{"u":"4201020101","res":1,"st":1,"doses":[{"s":"BCG","n":1,"f":"2026-01-05","g":"2026-01-05","t":true,"c":false}]}}
            """;
        await database.ExecuteAsync(
            $"INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload) VALUES ('svc', 'person', 'hub-1', 0, 0, 1, {Json(kind, "payload")})",
            ("payload", Payload));
        // The state a database of the previous release is in: coverage facts held in a per-dose table.
        await database.ExecuteAsync("DELETE FROM schedule_coverage");
        await database.ExecuteAsync("CREATE TABLE schedule_dose (service_id TEXT NOT NULL, hub_id TEXT NOT NULL)");

        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);

        Assert.Equal("4201020101", await database.ScalarAsync("SELECT managing_unit FROM schedule_coverage WHERE service_id = 'svc' AND hub_id = 'hub-1'"));
        var doses = kind == DatabaseKind.PostgreSql ? "jsonb_array_length(doses)" : "json_array_length(doses)";
        Assert.Equal(1L, Convert.ToInt64(
            await database.ScalarAsync($"SELECT {doses} FROM schedule_coverage WHERE hub_id = 'hub-1'"), System.Globalization.CultureInfo.InvariantCulture));
        var perDoseTable = kind == DatabaseKind.PostgreSql
            ? "SELECT count(*) FROM pg_class WHERE relname = 'schedule_dose'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'schedule_dose'";
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync(perDoseTable), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task InstallAsync_CoverageFactsStoredAsObjects_RewritesThemAsStringsOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, "installer");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        // The state a database of the previous release is in: facts as objects, the migration not yet recorded.
        const string ObjectFacts = """
            [{"s":"BCG","n":1,"f":"2026-01-05","g":"2026-01-05","t":true,"c":false},{"s":"HepB","n":2,"f":"2026-02-05","t":false,"c":false}]
            """;
        await database.ExecuteAsync(
            $"INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses) VALUES ('svc', 'hub-1', '4201020101', 1, 1, {Json(kind, "doses")})",
            ("doses", ObjectFacts));
        await database.ExecuteAsync("DELETE FROM schema_migration WHERE name = 'coverage-dose-facts-as-strings'");

        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);

        var facts = kind == DatabaseKind.PostgreSql ? "doses ->> {0}" : "json_extract(doses, '$[{0}]')";
        Assert.Equal("2026-01-05 2026-01-05 t- 1 BCG", await database.ScalarAsync($"SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, facts, 0)} FROM schedule_coverage WHERE hub_id = 'hub-1'"));
        Assert.Equal("2026-02-05 ---------- -- 2 HepB", await database.ScalarAsync($"SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, facts, 1)} FROM schedule_coverage WHERE hub_id = 'hub-1'"));

        // Recorded as done: object facts written afterwards (which no hub of this release writes) are left alone.
        await database.ExecuteAsync(
            $"UPDATE schedule_coverage SET doses = {Json(kind, "doses")} WHERE hub_id = 'hub-1'",
            ("doses", ObjectFacts));
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        Assert.Equal("BCG", await database.ScalarAsync(
            kind == DatabaseKind.PostgreSql ? "SELECT doses -> 0 ->> 's' FROM schedule_coverage" : "SELECT json_extract(doses, '$[0].s') FROM schedule_coverage"));
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

    // A JSON parameter as each database stores it: jsonb on PostgreSQL, text on SQLite.
    private static string Json(DatabaseKind kind, string parameter) =>
        kind == DatabaseKind.PostgreSql ? $"CAST(@{parameter} AS jsonb)" : $"@{parameter}";
}
