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
    public async Task StopAsync_WhileCallersRecord_EachCallIsEitherStoredOrRefusedNoneLeftWaiting(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        var now = DateTimeOffset.UtcNow;
        var calls = Enumerable.Range(0, 400).Select(n => Task.Run(async () =>
        {
            await Task.Delay(n % 20);
            try
            {
                await log.Writer.RecordAsync(TestEntries.Entry(n, now, TimeSpan.FromMinutes(5), 400));
                return true;
            }
            catch (ExchangeLogUnavailableException)
            {
                return false;
            }
        })).ToList();
        await Task.Delay(10);

        await log.Writer.StopAsync(CancellationToken.None);
        var stored = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(stored.Count(acknowledged => acknowledged), Count(await log.Database.ScalarAsync("SELECT count(*) FROM exchange_log")));
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
