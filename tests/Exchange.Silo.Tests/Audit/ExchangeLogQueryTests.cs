using System.Diagnostics;
using Exchange.Silo.Audit;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Audit;

/// <summary>Auditor queries over a log of 100,000 entries (ten days of traffic) answer within a second each.</summary>
public sealed class ExchangeLogQueryTests
{
    private const int Entries = 100_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Queries_HundredThousandEntries_EachAnswersWithinASecond(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind, checkpointEvery: 1000, maxBatch: 2000);
        var end = DateTimeOffset.UtcNow;
        await TestEntries.AppendAsync(log, Entries, end, TimeSpan.FromDays(10));
        await log.Database.ExecuteAsync(kind == DatabaseKind.PostgreSql ? "ANALYZE" : "ANALYZE");
        var county = TestEntries.Counties[2];
        var yesterday = new ExchangeLogFilter { From = end.AddDays(-2), To = end.AddDays(-1) };

        var crossRegionReads = await TimedAsync(() => log.Reader.QueryAsync(
            yesterday with { PersonRegion = county, CrossRegionOnly = true, Kinds = [ExchangeKind.Read] }, 100, null, CancellationToken.None));
        // Hub id 4240 is touched by entries 4240, 24240, ... 84240, all reads (entry n is a read when n % 5 is 0 or 4).
        var childReads = await TimedAsync(() => log.Reader.QueryAsync(
            new ExchangeLogFilter { PersonHubId = $"{4240:x32}", Kinds = [ExchangeKind.Read] }, 100, null, CancellationToken.None));
        var bySystem = await TimedAsync(() => log.Reader.QueryAsync(
            new ExchangeLogFilter { CallerSystem = "clinic-7", Outcome = ExchangeOutcome.Rejected }, 50, null, CancellationToken.None));
        var byOperation = await TimedAsync(() => log.Reader.QueryAsync(
            new ExchangeLogFilter { Operations = ["ClinicRecords/FindChildren"], CallerRegion = county }, 100, null, CancellationToken.None));
        var secondPage = await TimedAsync(() => log.Reader.QueryAsync(new ExchangeLogFilter(), 100, byOperation.NextPageToken, CancellationToken.None));
        var perRegion = await TimedAsync(() => log.Reader.CountPerDayAsync(new ExchangeLogFilter(), CountDimension.CallerRegion, CancellationToken.None));
        var perSystem = await TimedAsync(() => log.Reader.CountPerDayAsync(yesterday, CountDimension.CallerSystem, CancellationToken.None));
        var perOperation = await TimedAsync(() => log.Reader.CountPerDayAsync(yesterday with { Kinds = [ExchangeKind.Write] }, CountDimension.Operation, CancellationToken.None));

        Assert.NotEmpty(crossRegionReads.Entries);
        Assert.All(crossRegionReads.Entries, entry =>
        {
            Assert.Equal(ExchangeKind.Read, entry.Entry.Kind);
            Assert.Contains(entry.Entry.Persons, person => person.Region == county && person.Region != entry.Entry.Caller.Region);
            Assert.InRange(entry.Entry.RecordedAt, end.AddDays(-2), end.AddDays(-1));
        });
        Assert.True(IsNewestFirst(crossRegionReads.Entries));
        Assert.Equal(5, childReads.Entries.Count);
        Assert.All(childReads.Entries, entry => Assert.Equal($"{4240:x32}", Assert.Single(entry.Entry.Persons).HubId));
        Assert.Equal(50, bySystem.Entries.Count);
        Assert.All(bySystem.Entries, entry => Assert.Equal(("clinic-7", ExchangeOutcome.Rejected), (entry.Entry.Caller.System, entry.Entry.Outcome)));
        Assert.Equal(100, secondPage.Entries.Count);
        Assert.Equal(Entries, perRegion.Sum(count => count.Entries));
        Assert.Equal(TestEntries.Counties.Length, perRegion.Select(count => count.Value).Distinct().Count());
        Assert.NotEmpty(perSystem);
        Assert.Equal(["ClinicRecords/BulkUploadItem", "ClinicRecords/RegisterChild"], perOperation.Select(count => count.Value).Distinct().Order());
    }

    private static async Task<T> TimedAsync<T>(Func<Task<T>> query)
    {
        var watch = Stopwatch.StartNew();
        var result = await query();
        Assert.True(watch.Elapsed < Limit, $"the query took {watch.ElapsedMilliseconds} ms");
        return result;
    }

    private static bool IsNewestFirst(IReadOnlyList<LoggedEntry> entries) =>
        entries.Zip(entries.Skip(1)).All(pair => pair.First.Entry.RecordedAt >= pair.Second.Entry.RecordedAt);
}
