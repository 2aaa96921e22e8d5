using System.Diagnostics;
using System.Globalization;
using CanonicalSex = Exchange.Adapters.Model.Sex;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Exchange.Testing.Synthetic;
using Npgsql;

namespace Exchange.Benchmark;

/// <summary>
/// Schedule benchmark on PostgreSQL: forecast rate (children/s, in-process and through GetForecast) and the time of
/// a unit's due list for next week, with the unit's children registered through the hub and the rest of the stored
/// population seeded into the read model by bulk SQL.
/// </summary>
internal static class ScheduleBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Exchange.Benchmark -- schedule [options]
          --stored N         children in the read model in all, the unit's included (default 1000000)
          --unit-children U  children of the measured unit, registered through the hub (default 5000)
          --queries Q        due-list queries to time (default 50)
          --concurrency C    concurrent GetForecast callers (default 16)
        """;

    private const string Unit = "4201060001";
    private const int SeededRowsPerChild = 6;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var stored, out var unitChildren, out var queries, out var concurrency))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var database = await TestPostgres.CreateDatabaseAsync("bench-schedule");
        var settings = HubSettings.Postgres(database) with { ServerGc = true };
        try
        {
            await using var hub = await HubProcess.StartAsync(settings);
            var children = new SyntheticPopulation(20_261_204, ChinaCalendar.Today(DateTimeOffset.UtcNow).AddDays(-1)).Children(unitChildren).ToArray();
            Report($"registering {unitChildren:N0} children of unit {Unit} through BulkUpload");
            var items = children.Select((child, i) =>
            {
                var item = child.ToBulkItem($"sched-{i}");
                item.Child.ManagingUnit = Unit;
                return item;
            }).ToArray();
            await IngestRun.RunAsync(hub, items, streams: 4, UnitClinic());

            Report($"seeding {stored - unitChildren:N0} other children ({SeededRowsPerChild} due doses each) by bulk SQL");
            var seedClock = Stopwatch.StartNew();
            await SeedAsync(database, stored - unitChildren);
            Report($"seeded in {seedClock.Elapsed.TotalSeconds:F1} s");

            ProjectorRate(children);
            await ForecastRateAsync(hub, children, concurrency);
            await DueListAsync(hub, queries, includeOverdue: false);
            await DueListAsync(hub, queries, includeOverdue: true);
            return 0;
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
            if (Directory.Exists(settings.DataFolder))
            {
                Directory.Delete(settings.DataFolder, recursive: true);
            }
        }
    }

    // 200 units in 20 counties of Wuhan, none of them the measured unit; recommended dates spread over two years.
    private static async Task SeedAsync(string database, int children)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = $"""
            INSERT INTO schedule_due_person (service_id, hub_id, managing_unit, register_status, first_due, last_due, due,
                                             grain_key, n0, n1)
            SELECT 'exchange-test', 'seed-' || c, x.u, 1, min(x.d), max(x.d) + 3650,
                   jsonb_agg(jsonb_build_object('s', 'S' || k, 'n', 1, 'v', '0402', 'e', x.d, 'r', x.d, 'o', x.d + 30,
                                                'l', x.d + 3650) ORDER BY k),
                   '', c, 0
            FROM generate_series(1, @Children) AS c
            CROSS JOIN generate_series(1, {SeededRowsPerChild}) AS k
            CROSS JOIN LATERAL (SELECT date '2026-01-01' + ((c * 7 + k * 53) % 730) AS d,
                                       '4201' || lpad((c % 20 + 2)::text, 2, '0') || lpad(((c / 20) % 10 + 2)::text, 4, '0') AS u) AS x
            GROUP BY c, x.u;
            ANALYZE schedule_due_person;
            """;
        command.Parameters.AddWithValue("Children", children);
        await command.ExecuteNonQueryAsync();
    }

    private static void ProjectorRate(SyntheticChild[] children)
    {
        var subjects = children.Select(child => new ScheduleSubject(
            child.BirthDate,
            child.IsMale ? CanonicalSex.Male : CanonicalSex.Female,
            child.Doses.Select(dose => new GivenDose(dose.VaccineCode, dose.Date)).ToList())).ToArray();
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        foreach (var subject in subjects.Take(200))
        {
            ScheduleProjector.Project(ScheduleLibrary.Embedded, subject, today);
        }

        var clock = Stopwatch.StartNew();
        foreach (var subject in subjects)
        {
            ScheduleLibrary.Embedded.Assess(subject, today);
        }

        var assess = subjects.Length / clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var subject in subjects)
        {
            ScheduleProjector.Project(ScheduleLibrary.Embedded, subject, today);
        }

        Report($"in-process, one thread: assessment {assess:N0} children/s, projection (stored at every write) {subjects.Length / clock.Elapsed.TotalSeconds:N0} children/s");
    }

    private static async Task ForecastRateAsync(HubProcess hub, SyntheticChild[] children, int concurrency)
    {
        var client = await hub.ClinicAsync(Program.SystemId);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < children.Length)
            {
                await client.GetForecastAsync(new GetForecastRequest { Child = children[i].ByChildCode() });
            }
        })));
        Report($"GetForecast through the hub, {concurrency} callers: {children.Length / clock.Elapsed.TotalSeconds:N0} children/s ({children.Length:N0} children, first activation of each record included)");
    }

    // The measured unit's clinic, also serving the synthetic units its children's earlier doses were given at.
    private static SystemDefinition UnitClinic()
    {
        var definition = HubProcess.ClinicDefinition($"{Program.SystemId}-{Unit}");
        definition.OtherUnits.Add(definition.UnitCode);
        definition.UnitCode = Unit;
        return definition;
    }

    private static async Task DueListAsync(HubProcess hub, int queries, bool includeOverdue)
    {
        // Names and phones of a unit's children go only to that unit's clinic (or its disease-control centre).
        var reports = new ScheduleReports.ScheduleReportsClient(await hub.CallerAsync(UnitClinic()));
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is var d && d == 0 ? 7 : d);
        var request = new ListDueRequest
        {
            AreaCode = Unit,
            FromDate = CanonicalDates.Format(monday),
            ToDate = CanonicalDates.Format(monday.AddDays(6)),
            IncludeOverdue = includeOverdue,
            PageSize = 1000,
        };
        var recorder = new LatencyRecorder(queries);
        var entries = 0;
        var clock = Stopwatch.StartNew();
        for (var q = 0; q < queries; q++)
        {
            var start = Stopwatch.GetTimestamp();
            entries = 0;
            var token = string.Empty;
            do
            {
                var page = await reports.ListDueAsync(new ListDueRequest(request) { PageToken = token });
                entries += page.Doses.Count;
                token = page.NextPageToken;
            }
            while (token.Length > 0);

            recorder.Record(Stopwatch.GetTimestamp() - start);
        }

        var summary = recorder.Summarize(clock.Elapsed);
        Report(string.Create(CultureInfo.InvariantCulture,
            $"due list of unit {Unit} for next week{(includeOverdue ? " with overdue" : string.Empty)}: {entries:N0} entries, whole list (all pages) p50 {summary.P50Ms:F1} ms, p99 {summary.P99Ms:F1} ms, max {summary.MaxMs:F1} ms over {summary.Calls} queries"));
    }

    private static bool TryParse(string[] args, out int stored, out int unitChildren, out int queries, out int concurrency)
    {
        (stored, unitChildren, queries, concurrency) = (1_000_000, 5_000, 50, 16);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return false;
            }

            switch (args[i])
            {
                case "--stored": stored = value; break;
                case "--unit-children": unitChildren = value; break;
                case "--queries": queries = value; break;
                case "--concurrency": concurrency = value; break;
                default: return false;
            }
        }

        return args.Length % 2 == 0 && unitChildren <= stored;
    }

    private static void Report(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} [schedule] {message}"));
}
