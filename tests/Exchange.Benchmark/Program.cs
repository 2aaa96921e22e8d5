using System.Diagnostics;
using System.Globalization;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Grpc.Core;
using Npgsql;

namespace Exchange.Benchmark;

/// <summary>
/// Ingest and read benchmark of the real hub process on SQLite and PostgreSQL, each number reported against a
/// baseline measured in the same run (see README.md).
/// </summary>
internal static class Program
{
    /// <summary>The clinic system the benchmark calls as.</summary>
    public const string SystemId = "bench-clinic";

    private const int WarmupCalls = 500;

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "schedule")
        {
            LocateHub();
            return await ScheduleBenchmark.RunAsync(args[1..]);
        }

        var options = Options.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(string.IsNullOrEmpty(error) ? Options.Usage : $"{error}\n\n{Options.Usage}");
            return string.IsNullOrEmpty(error) ? 0 : 2;
        }

        try
        {
            var hubDll = LocateHub();
            var loadAtStart = LoadAverage();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exchange benchmark: {options.Children:N0} children, storage {options.Storage}, {options.Streams} streams, "
                + $"{options.GetSamples:N0} get samples, concurrency {options.Concurrency}, raw insert on {options.RawConnections} connections"));
            Console.WriteLine($"hub: {hubDll}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, load average {loadAtStart}"));

            var clock = Stopwatch.StartNew();
            var workload = Workload.Generate(options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {workload.Measured.Length:N0} children with {workload.MeasuredDoses:N0} doses (+{workload.Warmup.Length} warm-up) in {clock.Elapsed.TotalSeconds:F1} s (untimed)"));

            var report = new Report(options, loadAtStart);
            foreach (var store in options.Stores)
            {
                var withLog = default(StorageResult);
                foreach (var audit in options.AuditModes)
                {
                    var result = await RunStoreAsync(store, workload, options, audit);
                    report.Add(result);
                    if (audit)
                    {
                        withLog = result;
                    }
                    else if (withLog is not null)
                    {
                        report.AddAuditComparison(withLog, result);
                    }
                }
            }

            var loadAtEnd = LoadAverage();
            Console.WriteLine();
            Console.Write(report.Table());
            Console.WriteLine($"load average at start {loadAtStart}, at end {loadAtEnd}");
            Console.WriteLine($"results: {await report.WriteJsonAsync(loadAtEnd)}");
            return 0;
        }
        catch (Exception exception) when (exception is BenchmarkException or RpcException or NpgsqlException or IOException or InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"benchmark failed: {exception}");
            return 1;
        }
    }

    private static async Task<StorageResult> RunStoreAsync(StorageChoice store, Workload workload, Options options, bool audit)
    {
        var name = (store == StorageChoice.Sqlite ? "sqlite" : "postgresql") + (audit ? string.Empty : " (no log)");
        var database = store == StorageChoice.PostgreSql ? await TestPostgres.CreateDatabaseAsync("bench") : null;
        var settings = (database is null ? HubSettings.Sqlite() : HubSettings.Postgres(database)) with
        {
            ServerGc = true,
            Extra = new Dictionary<string, string> { ["Audit__Enabled"] = audit ? "true" : "false" },
        };
        Progress(name, "starting the hub");
        var hub = await HubProcess.StartAsync(settings);
        var succeeded = false;
        try
        {
            Progress(name, $"warming up ({WarmupCalls} health calls, {workload.Warmup.Length} children, {WarmupCalls} get-record calls)");
            await TrivialCallBaseline.WarmUpAsync(hub, options, WarmupCalls);
            await IngestRun.RunAsync(hub, workload.WarmupItems, options.Streams);
            await GetRecordRun.WarmUpAsync(hub, workload.Warmup, WarmupCalls, options.Concurrency, options.Seed);
            await SettleAsync(name, hub);

            RawInsertResult? raw = null;
            // The raw baseline does not depend on the hub's settings: once per store is enough.
            if (store == StorageChoice.PostgreSql && audit)
            {
                Progress(name, $"raw insert baseline ({options.RawConnections} connections, fresh database)");
                raw = await RawPostgresBaseline.RunAsync(workload, options.RawConnections);
                Progress(name, string.Create(CultureInfo.InvariantCulture,
                    $"raw: {raw.ChildrenPerSecond:N0} children/s, {raw.DosesPerSecond:N0} doses/s in {raw.Seconds:F1} s; {raw.Cpu}; {raw.Database}"));
            }

            // The hub database's work during the measured ingest alone: the raw baseline runs in another database but
            // writes to the same server's WAL, and get-record calls write exchange-log entries. The hub was idle for
            // the raw baseline, so its backends have published the warm-up's counters.
            await SettleAsync(name, hub);
            var statsStart = database is null ? null : await PgSnapshot.TakeAsync(database);
            Progress(name, $"ingest over {options.Streams} BulkUpload streams");
            var ingest = await IngestRun.RunAsync(hub, workload.MeasuredItems, options.Streams);
            if (ingest.Doses != workload.MeasuredDoses)
            {
                throw new BenchmarkException($"The hub recorded {ingest.Doses} doses; {workload.MeasuredDoses} were sent, all new.");
            }

            Progress(name, string.Create(CultureInfo.InvariantCulture,
                $"ingest: {ingest.ChildrenPerSecond:N0} children/s, {ingest.DosesPerSecond:N0} doses/s in {ingest.Seconds:F1} s; {ingest.Cpu}"));

            PgActivity? hubDatabase = null;
            if (statsStart is not null && database is not null)
            {
                // Idle backends publish their counters after about 10 s.
                await Task.Delay(PgSnapshot.IdleFlushDelay);
                hubDatabase = (await PgSnapshot.TakeAsync(database)).PerChildSince(statsStart, workload.Measured.Length);
                Progress(name, $"hub database during ingest, {hubDatabase}");
            }

            // BulkUpload releases each record's activation once it is stored: the first read of a sample activates its
            // record from the database, later ones find it active.
            var getCall = await GetRecordRun.CallAsync(hub, workload.Measured, options.GetSamples, options.Seed + 1);
            var firstReads = await LoadLoop.RunAsync(options.Concurrency, options.GetSamples, getCall);
            Progress(name, $"get-record first reads (activation from the database): {Summary(firstReads)}");

            Progress(name, $"get-record and the trivial-call baseline, alternating in {InterleavedCalls.Rounds} rounds");
            var calls = await InterleavedCalls.RunAsync(
                hub.ProcessId,
                options.Concurrency,
                options.TrivialDuration,
                await TrivialCallBaseline.CheckCallAsync(hub),
                getCall);
            var (trivial, trivialCpu, get, getCpu) = (calls.Trivial, calls.TrivialCpu, calls.GetRecord, calls.GetRecordCpu);
            Progress(name, $"trivial: {Summary(trivial)}; {trivialCpu}");
            Progress(name, $"get-record: {Summary(get)}; {getCpu}");
            EnsureRunning(hub);

            RawInsertResult? rawAfter = null;
            if (raw is not null)
            {
                Progress(name, "raw insert baseline again, after the ingest and get-record (the host's speed drifts)");
                rawAfter = await RawPostgresBaseline.RunAsync(workload, options.RawConnections);
                Progress(name, string.Create(CultureInfo.InvariantCulture,
                    $"raw after: {rawAfter.ChildrenPerSecond:N0} children/s, {rawAfter.DosesPerSecond:N0} doses/s in {rawAfter.Seconds:F1} s; {rawAfter.Cpu}"));
            }

            // Last, so the database statistics above cover the gRPC ingest alone.
            Progress(name, $"FHIR transaction ingest ({workload.FhirBundles.Length} Bundles of 1 Patient + {FhirBundles.DosesPerBundle} Immunizations)");
            var fhir = await FhirIngestRun.RunAsync(hub, workload.FhirBundles, options.Streams * 4);
            Progress(name, string.Create(CultureInfo.InvariantCulture,
                $"FHIR: {fhir.ResourcesPerSecond:N0} resources/s in {fhir.Seconds:F1} s ({(ingest.Children + ingest.Doses) / ingest.Seconds:N0} gRPC resources/s); {fhir.Cpu}"));

            succeeded = true;
            return new StorageResult(name, trivial, trivialCpu, raw, rawAfter, ingest, fhir, hubDatabase, firstReads, get, getCpu, LoadAverage());
        }
        catch (Exception exception) when (hub.HasExited && exception is not BenchmarkException)
        {
            throw new BenchmarkException($"The hub exited during the {name} run; its output is in {Path.Combine(settings.DataFolder, "hub.log")}.", exception);
        }
        finally
        {
            await hub.DisposeAsync();
            if (options.Keep)
            {
                Progress(name, $"kept: hub data in {settings.DataFolder}; database {database ?? "none"}");
            }
            else if (database is not null)
            {
                await TestPostgres.DropDatabaseAsync(database);
            }

            if (succeeded && !options.Keep)
            {
                Directory.Delete(settings.DataFolder, recursive: true);
            }
            else if (!succeeded)
            {
                await Console.Error.WriteLineAsync($"[{name}] hub data and log kept in {settings.DataFolder}");
            }
        }
    }

    /// <summary>
    /// Runs the hub built beside this program (same artifacts folder and configuration), unless EXCHANGE_HUB_DLL names one.
    /// </summary>
    private static string LocateHub()
    {
        if (Environment.GetEnvironmentVariable(HubProcess.HubDllVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        // Artifacts layout: <artifacts>/bin/<project>/<configuration>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var sibling = output.Parent?.Parent is { } bin ? Path.Combine(bin.FullName, "Exchange.Hub", output.Name, "Exchange.Hub.dll") : null;
        if (sibling is null || !File.Exists(sibling))
        {
            throw new BenchmarkException($"The hub build is missing beside the benchmark ({sibling}); build the benchmark with dotnet build/run, or set {HubProcess.HubDllVariable}.");
        }

        Environment.SetEnvironmentVariable(HubProcess.HubDllVariable, sibling);
        return sibling;
    }

    private static void EnsureRunning(HubProcess hub)
    {
        if (hub.HasExited)
        {
            throw new BenchmarkException("The hub process exited during the run.");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Summary(LatencySummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"{summary.Calls:N0} calls in {summary.Seconds:F1} s: {summary.CallsPerSecond:N0} calls/s, p50 {summary.P50Ms:F2} ms, p99 {summary.P99Ms:F2} ms, max {summary.MaxMs:F1} ms");

    private static async Task SettleAsync(string name, HubProcess hub)
    {
        var waited = await HubSettling.WaitUntilIdleAsync(hub, SettleLimit);
        Progress(name, string.Create(CultureInfo.InvariantCulture, $"hub idle after {waited.TotalSeconds:F0} s (background re-compilation)"));
    }

    private static void Progress(string storage, string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} [{storage}] {message}"));
}
