using System.Globalization;
using Exchange.Silo.Audit;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Audit;

/// <summary>The writer's own thread: what it acknowledges is stored and chained, and a stop leaves no caller waiting.</summary>
public sealed class ExchangeLogWriterTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task RecordAsync_ManyCallersAtOnce_EveryAcknowledgedEntryIsStoredOnceInAnIntactChain(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind, checkpointEvery: 50, maxBatch: 64);
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 1_000).Select(n => Task.Run(() => log.Writer.RecordAsync(TestEntries.Entry(n, now, TimeSpan.FromMinutes(5), 1_000)))));

        Assert.Equal(1_000L, Count(await log.Database.ScalarAsync("SELECT count(DISTINCT recorded_at_us) FROM exchange_log")));
        Assert.Equal(1_000L, Count(await log.Database.ScalarAsync("SELECT max(sequence) FROM exchange_log")));
        Assert.True((await log.VerifyAsync()).Intact);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task StopAsync_EntriesStillQueued_AreAllWrittenAndCheckpointedThenFurtherOnesRefused(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind, checkpointEvery: 1_000);
        var now = DateTimeOffset.UtcNow;
        var queued = Enumerable.Range(0, 300).Select(n => log.Writer.RecordAsync(TestEntries.Entry(n, now, TimeSpan.FromMinutes(5), 300))).ToList();

        await log.Writer.StopAsync(CancellationToken.None);

        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(300L, Count(await log.Database.ScalarAsync("SELECT count(*) FROM exchange_log")));
        Assert.Equal(300L, Count(await log.Database.ScalarAsync("SELECT max(sequence) FROM exchange_log_checkpoint")));
        // Refused at once, not as a failed task: nothing is queued after a stop.
        Assert.Throws<ExchangeLogUnavailableException>(() => { _ = log.Writer.RecordAsync(TestEntries.Entry(300, now, TimeSpan.FromMinutes(5), 300)); });
    }

    [Fact]
    public async Task RecordAsync_OnSqliteEntriesArrivingWithinTheGatherWindow_AreWrittenInOneBatch()
    {
        var chain = $"gather-{Guid.NewGuid():N}";
        using var measured = new ChainMeasurements(chain);
        await using var log = await TestExchangeLog.CreateAsync(DatabaseKind.Sqlite, chain: chain, sqliteGatherMicroseconds: 1_000_000);
        var now = DateTimeOffset.UtcNow;

        var first = log.Writer.RecordAsync(TestEntries.Entry(0, now, TimeSpan.FromMinutes(5), 3));
        await Task.Delay(20);
        var second = log.Writer.RecordAsync(TestEntries.Entry(1, now, TimeSpan.FromMinutes(5), 3));
        await Task.Delay(20);
        var third = log.Writer.RecordAsync(TestEntries.Entry(2, now, TimeSpan.FromMinutes(5), 3));
        await Task.WhenAll(first, second, third);

        Assert.Equal([3], measured.BatchSizes);
        Assert.True((await log.VerifyAsync()).Intact);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, 16)]
    [InlineData(DatabaseKind.PostgreSql, 1)]
    public async Task RecordAsync_FullSqliteQueueOrAnyPostgreSqlQueue_IsWrittenWithoutWaitingForTheWindow(DatabaseKind kind, int entries)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind, sqliteGatherMicroseconds: 5_000_000);
        var now = DateTimeOffset.UtcNow;
        var started = System.Diagnostics.Stopwatch.StartNew();

        // With the writer idle, every entry is queued before it wakes: the queue is full at once.
        await Task.WhenAll(Enumerable.Range(0, entries).Select(n => log.Writer.RecordAsync(TestEntries.Entry(n, now, TimeSpan.FromMinutes(5), entries))));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2.5), $"took {started.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task RecordAsync_WithAMetricsListener_EveryEntrysWaitAndEveryBatchIsMeasuredUnderItsChain()
    {
        var chain = $"metrics-{Guid.NewGuid():N}";
        using var measured = new ChainMeasurements(chain);
        await using var log = await TestExchangeLog.CreateAsync(DatabaseKind.Sqlite, checkpointEvery: 1_000, chain: chain);
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(n => Task.Run(() => log.Writer.RecordAsync(TestEntries.Entry(n, now, TimeSpan.FromMinutes(5), 200)))));

        var waits = measured.EntryWaits;
        Assert.Equal(200, waits.Length);
        Assert.All(waits, wait => Assert.InRange(wait, 0, 30_000));
        Assert.Equal(200, measured.BatchSizes.Sum());
        Assert.Equal(measured.BatchSizes.Length, measured.Appends.Length);
        // Every entry was queued before its batch's append started, so it waited at least that long.
        Assert.True(waits.Min() >= measured.Appends.Min(), $"an entry waited {waits.Min()} ms, less than any batch's append ({measured.Appends.Min()} ms)");
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
