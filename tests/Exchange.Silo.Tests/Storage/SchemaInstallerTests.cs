using System.Globalization;
using System.Text.Json;
using Exchange.Silo.Hosting;
using Exchange.Silo.Schedule;
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

    [Fact]
    public async Task InstallAsync_PostgreSqlDatabaseWithPerDoseDueTable_FillsARowPerPersonThatDueListsRead()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql, "installer");
        await SchemaInstaller.InstallAsync(DatabaseKind.PostgreSql, database.ConnectionString, CancellationToken.None);
        const string Payload = """
            {"record":{"hubId":"hub-1","demographics":{"name":"王小明","birthDate":"2025-12-05"}},"schedule":{"u":"4201020101","res":1,"st":1,"doses":[],"due":[
              {"s":"HepB","n":2,"v":"0202","e":"2026-02-01","r":"2026-02-05","o":"2026-03-05","l":"2044-01-05"},
              {"s":"DTaP","n":1,"v":"0402","e":"2026-04-05","r":"2026-04-05","o":"2026-05-05","l":"2032-01-05"}]}}
            """;
        await database.ExecuteAsync(
            "INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload) VALUES ('svc', 'person', 'hub-1', 0, 0, 1, CAST(@payload AS jsonb))",
            ("payload", Payload));
        // The state a database of the previous release is in: due doses in a table of their own, a row each.
        await database.ExecuteAsync("DELETE FROM schedule_due_person");
        await database.ExecuteAsync("CREATE TABLE schedule_due (service_id text NOT NULL, hub_id text NOT NULL)");

        await SchemaInstaller.InstallAsync(DatabaseKind.PostgreSql, database.ConnectionString, CancellationToken.None);

        Assert.Equal("2026-02-05 2044-01-05 2", await database.ScalarAsync(
            "SELECT first_due || ' ' || last_due || ' ' || jsonb_array_length(due) FROM schedule_due_person WHERE service_id = 'svc' AND hub_id = 'hub-1'"));
        Assert.Equal(0L, Convert.ToInt64(
            await database.ScalarAsync("SELECT count(*) FROM pg_class WHERE relname = 'schedule_due'"), CultureInfo.InvariantCulture));
        // Read back through due lists: the first week of April holds the DTaP dose alone; with what is outstanding, the
        // HepB dose recommended in February comes first. The name comes from the person's state, so the grain key too
        // was carried over.
        var readModel = new ScheduleReadModel(DatabaseKind.PostgreSql, database.ConnectionString, "svc");
        var april = new DueListQuery(Area.Parse("4201020101")!, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 7), IncludeOutstanding: false, PageSize: 10, After: null);
        var entry = Assert.Single(await readModel.ListDueAsync(april, CancellationToken.None));
        Assert.Equal(("hub-1", "王小明", "DTaP", 1, new DateOnly(2026, 5, 5)), (entry.HubId, entry.Name, entry.Series, entry.Dose, entry.Overdue));
        var outstanding = await readModel.ListDueAsync(april with { IncludeOutstanding = true }, CancellationToken.None);
        Assert.Equal(["HepB 2", "DTaP 1"], outstanding.Select(due => $"{due.Series} {due.Dose}"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task InstallAsync_CoverageFactsStoredAsObjects_RewrittenOnceAndCountedAsBefore(DatabaseKind kind)
    {
        const string OldUnit = "4201020101";
        const string NewUnit = "4201020102";
        await using var database = await TestDatabase.CreateAsync(kind, "installer");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        // One child's facts for a December report: a timely dose, a late one, one not given, and one given at seven
        // or older (eligible long before the report's window, so only the from-seven rule counts it). The previous
        // release's object form in one unit, the current form in another; the migration not yet recorded.
        StoredDose[] facts =
        [
            new("HepB", 2, December(5), December(10), Timely: true, GivenFromSevenYears: false),
            new("DTaP", 1, December(5), December(20), Timely: false, GivenFromSevenYears: false),
            new("MMR", 1, December(5), null, Timely: false, GivenFromSevenYears: false),
            new("HepA-L", 1, new DateOnly(2015, 1, 1), December(15), Timely: false, GivenFromSevenYears: true),
        ];
        const string ObjectFacts = """
            [{"s":"HepB","n":2,"f":"2026-12-05","g":"2026-12-10","t":true,"c":false},{"s":"DTaP","n":1,"f":"2026-12-05","g":"2026-12-20","t":false,"c":false},{"s":"MMR","n":1,"f":"2026-12-05","t":false,"c":false},{"s":"HepA-L","n":1,"f":"2015-01-01","g":"2026-12-15","t":false,"c":true}]
            """;
        await InsertCoverageAsync(database, kind, "hub-old", OldUnit, ObjectFacts);
        await InsertCoverageAsync(database, kind, "hub-new", NewUnit, JsonSerializer.Serialize(facts, ExchangeJson.Options));
        await database.ExecuteAsync("DELETE FROM schema_migration WHERE name = 'coverage-dose-facts-as-strings'");

        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);

        Assert.Equal(await DosesAsync(database, "hub-new"), await DosesAsync(database, "hub-old"));
        var readModel = new ScheduleReadModel(kind, database.ConnectionString, "svc");
        (string, int, long, long, long)[] expected = [("DTaP", 1, 1, 1, 0), ("HepA-L", 1, 1, 1, 0), ("HepB", 2, 1, 1, 1), ("MMR", 1, 1, 0, 0)];
        Assert.Equal(expected, await CoverageAsync(readModel, NewUnit));
        Assert.Equal(expected, await CoverageAsync(readModel, OldUnit));

        // Recorded as done: a later start scans nothing, so object facts put back by hand stay objects.
        await database.ExecuteAsync($"UPDATE schedule_coverage SET doses = {Json(kind, "doses")} WHERE hub_id = 'hub-old'", ("doses", ObjectFacts));
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        Assert.Equal("HepB", await database.ScalarAsync(
            kind == DatabaseKind.PostgreSql ? "SELECT doses -> 0 ->> 's' FROM schedule_coverage WHERE hub_id = 'hub-old'" : "SELECT json_extract(doses, '$[0].s') FROM schedule_coverage WHERE hub_id = 'hub-old'"));
    }

    private static DateOnly December(int day) => new(2026, 12, day);

    private static Task<int> InsertCoverageAsync(TestDatabase database, DatabaseKind kind, string hubId, string unit, string doses) =>
        database.ExecuteAsync(
            $"INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses) VALUES ('svc', @hub, @unit, 1, 1, {Json(kind, "doses")})",
            ("hub", hubId), ("unit", unit), ("doses", doses));

    private static async Task<string?> DosesAsync(TestDatabase database, string hubId) =>
        Convert.ToString(await database.ScalarAsync("SELECT doses FROM schedule_coverage WHERE hub_id = @hub", ("hub", hubId)), CultureInfo.InvariantCulture);

    private static async Task<(string, int, long, long, long)[]> CoverageAsync(ScheduleReadModel readModel, string unit)
    {
        var rows = await readModel.CoverageAsync(new CoverageQuery(Area.Parse(unit)!, AreaLevel.Unit, December(1), December(1)), CancellationToken.None);
        return [.. rows.OrderBy(row => row.Series, StringComparer.Ordinal)
            .Select(row => (row.Series, row.Dose, row.Eligible, row.Vaccinated, row.TimelyVaccinated))];
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
