using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Exchange.Benchmark;

/// <summary>One line of the result table: a measured value, its baseline from the same run, their ratio and the target.</summary>
internal sealed record ReportRow(string Storage, string Metric, double Value, string Unit, double? Baseline, string? BaselineName, double? Ratio, string? Target, bool? Met);

/// <summary>Everything measured for one storage, kept whole for the JSON file.</summary>
internal sealed record StorageResult(
    string Storage,
    LatencySummary TrivialCall,
    CpuUsage TrivialCallCpu,
    RawInsertResult? RawInsert,
    RawInsertResult? RawInsertAfter,
    IngestResult Ingest,
    FhirIngestResult FhirIngest,
    PgActivity? IngestDatabase,
    LatencySummary GetRecordFirstReads,
    LatencySummary GetRecord,
    CpuUsage GetRecordCpu,
    string LoadAverageAfter);

/// <summary>Collects the results, prints them as a table and writes them as JSON.</summary>
internal sealed class Report(Options options, string loadAverageAtStart)
{
    private const double TargetDosesPerSecond = 20_000;
    private const double TargetRawRatio = 0.5;
    private const double TargetP99Ratio = 3.0;
    private const double TargetAuditRatio = 0.5;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly List<ReportRow> _rows = [];
    private readonly List<StorageResult> _results = [];

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public void Add(StorageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results.Add(result);
        var storage = result.Storage;
        var trivial = result.TrivialCall;
        var rawRun = result.RawInsert is null ? _results.LastOrDefault(r => r.RawInsert is not null) : result;
        var raw = rawRun is null ? null : new RawBaseline(rawRun.RawInsert!, rawRun.RawInsertAfter);
        var ingest = result.Ingest;
        var get = result.GetRecord;
        var isPostgres = storage == "postgresql";

        Row(storage, "trivial call (health)", trivial.CallsPerSecond, "calls/s");
        Row(storage, "trivial call p50", trivial.P50Ms, "ms");
        Row(storage, "trivial call p99", trivial.P99Ms, "ms");
        if (result.RawInsert is { } own)
        {
            Row(storage, $"raw insert ({own.Connections} conns) children/s", own.ChildrenPerSecond, "children/s");
            Row(storage, $"raw insert ({own.Connections} conns) doses/s", own.DosesPerSecond, "doses/s");
            if (result.RawInsertAfter is { } after)
            {
                Row(storage, "raw insert after ingest doses/s", after.DosesPerSecond, "doses/s");
                Row(storage, "raw insert doses/s, mean of both", raw!.DosesPerSecond, "doses/s");
            }

            Row(storage, "raw insert txn p99", own.Transactions.P99Ms, "ms");
            Row(storage, "raw insert PG commits/child", own.Database.Commits, string.Empty);
            Row(storage, "raw insert PG rows written/child", own.Database.RowsWritten, string.Empty);
            Row(storage, "raw insert WAL/child (server-wide)", own.Database.WalKib, "KiB");
        }

        // The gRPC path's resources: one registration per child plus its doses, as FHIR counts a Patient and its Immunizations.
        var grpcResourcesPerSecond = (ingest.Children + ingest.Doses) / ingest.Seconds;
        Row(storage, "FHIR transaction ingest resources/s", result.FhirIngest.ResourcesPerSecond, "resources/s", grpcResourcesPerSecond, "gRPC BulkUpload resources/s");
        Row(storage, "ingest children/s", ingest.ChildrenPerSecond, "children/s", raw?.ChildrenPerSecond, "raw PG children/s");
        var rawRatio = raw is null ? (double?)null : ingest.DosesPerSecond / raw.DosesPerSecond;
        Row(
            storage, "ingest doses/s", ingest.DosesPerSecond, "doses/s", raw?.DosesPerSecond, "raw PG doses/s",
            isPostgres ? $">= {TargetDosesPerSecond:N0}/s, ratio >= {TargetRawRatio:F2}" : null,
            isPostgres ? ingest.DosesPerSecond >= TargetDosesPerSecond && rawRatio >= TargetRawRatio : null);
        Row(storage, "ingest hub CPU", ingest.Cpu.HubCores, "cores");
        Row(storage, "ingest postgres CPU", ingest.Cpu.PostgresCores, "cores");
        Row(storage, "ingest benchmark CPU", ingest.Cpu.BenchmarkCores, "cores");
        Row(storage, "ingest other CPU", ingest.Cpu.OtherCores, "cores");
        if (result.IngestDatabase is { } hubDatabase)
        {
            Row(storage, "ingest PG commits/child", hubDatabase.Commits, string.Empty, raw?.Before.Database.Commits, "raw commits/child");
            Row(storage, "ingest PG rows written/child", hubDatabase.RowsWritten, string.Empty, raw?.Before.Database.RowsWritten, "raw rows/child");
            Row(storage, "ingest WAL/child (server-wide)", hubDatabase.WalKib, "KiB", raw?.Before.Database.WalKib, "raw WAL/child");
        }

        Row(storage, "get-record first read p50", result.GetRecordFirstReads.P50Ms, "ms");
        Row(storage, "get-record first read p99", result.GetRecordFirstReads.P99Ms, "ms");
        Row(storage, "get-record", get.CallsPerSecond, "calls/s", trivial.CallsPerSecond, "trivial calls/s");
        Row(storage, "get-record p50", get.P50Ms, "ms", trivial.P50Ms, "trivial p50");
        var p99Ratio = get.P99Ms / trivial.P99Ms;
        Row(storage, "get-record hub CPU", result.GetRecordCpu.HubCores, "cores", result.TrivialCallCpu.HubCores, "trivial hub CPU");
        Row(storage, "get-record p99", get.P99Ms, "ms", trivial.P99Ms, "trivial p99", $"ratio <= {TargetP99Ratio:F1}", p99Ratio <= TargetP99Ratio);
    }

    /// <summary>Ingest with the exchange log against the same ingest without it (the log must not halve throughput).</summary>
    public void AddAuditComparison(StorageResult withLog, StorageResult withoutLog)
    {
        ArgumentNullException.ThrowIfNull(withLog);
        ArgumentNullException.ThrowIfNull(withoutLog);
        var ratio = withLog.Ingest.ChildrenPerSecond / withoutLog.Ingest.ChildrenPerSecond;
        Row(
            withLog.Storage, "ingest children/s with exchange log", withLog.Ingest.ChildrenPerSecond, "children/s",
            withoutLog.Ingest.ChildrenPerSecond, "without log", $"ratio >= {TargetAuditRatio:F2}", ratio >= TargetAuditRatio);
    }

    public string Table()
    {
        string[] header = ["storage", "metric", "value", "baseline", "ratio", "target", "met?"];
        var lines = _rows.Select(row => new[]
        {
            row.Storage,
            row.Metric,
            $"{Number(row.Value)} {row.Unit}".TrimEnd(),
            row.Baseline is { } baseline ? Number(baseline) : "-",
            row.Ratio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "-",
            row.Target ?? "-",
            row.Met switch { true => "yes", false => "NO", null => "-" },
        }).ToList();
        var widths = header.Select((title, column) => lines.Select(line => line[column].Length).Append(title.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendLine(text, header, widths);
        text.AppendLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        foreach (var line in lines)
        {
            AppendLine(text, line, widths);
        }

        return text.ToString();
    }

    public async Task<string> WriteJsonAsync(string loadAverageAtEnd)
    {
        Directory.CreateDirectory(options.OutDirectory);
        var path = Path.Combine(options.OutDirectory, StartedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        var document = new
        {
            startedAt = StartedAt,
            options = new
            {
                options.Children,
                Storage = options.Storage.ToString(),
                options.Streams,
                options.GetSamples,
                options.Concurrency,
                options.WarmupChildren,
                TrivialSeconds = options.TrivialDuration.TotalSeconds,
                options.Seed,
                options.RawConnections,
                Audit = options.Audit.ToString(),
            },
            machine = new { Environment.ProcessorCount, loadAverageAtStart, loadAverageAtEnd },
            rows = _rows,
            results = _results,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    private void Row(string storage, string metric, double value, string unit, double? baseline = null, string? baselineName = null, string? target = null, bool? met = null) =>
        _rows.Add(new ReportRow(storage, metric, value, unit, baseline, baselineName, baseline is > 0 ? value / baseline : null, target, met));

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine(string.Join(" | ", cells.Select((cell, i) => i is 2 or 3 or 4 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
}

/// <summary>
/// The raw-insert baseline of a run: measured before the ingest and, when it was, again after it; rates are the mean
/// of both, so that a host whose speed drifts during the run (a shared machine) weighs on both sides alike.
/// </summary>
internal sealed record RawBaseline(RawInsertResult Before, RawInsertResult? After)
{
    public double ChildrenPerSecond => After is null ? Before.ChildrenPerSecond : (Before.ChildrenPerSecond + After.ChildrenPerSecond) / 2;

    public double DosesPerSecond => After is null ? Before.DosesPerSecond : (Before.DosesPerSecond + After.DosesPerSecond) / 2;
}
