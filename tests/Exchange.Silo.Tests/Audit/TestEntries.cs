using Exchange.Silo.Audit;

namespace Exchange.Silo.Tests.Audit;

/// <summary>Plausible exchange-log entries: clinics in a few Hubei counties reading and writing children's records.</summary>
internal static class TestEntries
{
    public static readonly string[] Counties = ["420102", "420106", "420111", "420502", "420602", "421002"];

    private static readonly (string Operation, ExchangeKind Kind)[] Operations =
    [
        ("ClinicRecords/GetRecord", ExchangeKind.Read),
        ("ClinicRecords/RegisterChild", ExchangeKind.Write),
        ("ClinicRecords/BulkUploadItem", ExchangeKind.Write),
        ("ClinicRecords/FindChildren", ExchangeKind.Search),
        ("ClinicRecords/GetForecast", ExchangeKind.Read),
    ];

    /// <summary>Entry <paramref name="n"/>: deterministic, spread over the given span before <paramref name="end"/>.</summary>
    public static ExchangeEntry Entry(int n, DateTimeOffset end, TimeSpan span, int total)
    {
        var callerCounty = Counties[n % Counties.Length];
        var personCounty = Counties[(n / 7) % Counties.Length];
        var (operation, kind) = Operations[n % Operations.Length];
        var rejected = n % 13 == 0;
        return new ExchangeEntry(
            end - (span * (total - n) / total),
            "grpc",
            operation,
            kind,
            new ExchangeCaller($"clinic-{n % 50}", $"{callerCounty}{(n % 9) + 1:0000}", callerCounty),
            [new TouchedPerson($"{n % 20_000:x32}", personCounty)],
            kind == ExchangeKind.Write ? $"msg-{n}" : string.Empty,
            rejected ? ExchangeOutcome.Rejected : ExchangeOutcome.Succeeded,
            rejected ? "INVALID_ARGUMENT" : "OK",
            new ItemCounts(1, rejected ? 0 : 1, rejected ? 1 : 0),
            n % 40);
    }

    public static Task AppendAsync(TestExchangeLog log, int count, DateTimeOffset? end = null, TimeSpan? span = null) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(n => log.Writer.RecordAsync(Entry(n, end ?? DateTimeOffset.UtcNow, span ?? TimeSpan.FromHours(1), count))));
}
