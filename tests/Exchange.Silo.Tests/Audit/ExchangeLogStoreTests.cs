using Exchange.Silo.Audit;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Audit;

/// <summary>
/// A batch of entries is written all or nothing: on PostgreSQL it goes in one round trip without an explicit
/// transaction, so a failing statement must still undo the ones before it.
/// </summary>
public sealed class ExchangeLogStoreTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Append_LastStatementFails_NothingOfTheBatchIsStored(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        var now = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(1, 3)
            .Select(n => new LoggedEntry("batch-chain", n, TestEntries.Entry(n, now, TimeSpan.FromMinutes(1), 3), new byte[32], new byte[32]))
            .ToList();
        var checkpoint = new Checkpoint("batch-chain", 3, new byte[32], now, log.Signer.KeyId, new byte[64]);

        // The same checkpoint twice: the last statement breaks the checkpoint table's key, after the entries went in.
        Assert.ThrowsAny<Exception>(() => log.Store.Append(entries, [checkpoint, checkpoint]));
        log.Store.Append(entries, []);

        Assert.Equal(3L, Convert.ToInt64(await log.Database.ScalarAsync("SELECT count(*) FROM exchange_log WHERE chain_id = 'batch-chain'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(await log.Database.ScalarAsync("SELECT count(*) FROM exchange_log_person WHERE chain_id = 'batch-chain'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Append_KeptConnectionWasEnded_BatchIsWrittenOnANewOne()
    {
        await using var log = await TestExchangeLog.CreateAsync(DatabaseKind.PostgreSql);
        var now = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(1, 4)
            .Select(n => new LoggedEntry("kept-chain", n, TestEntries.Entry(n, now, TimeSpan.FromMinutes(1), 4), new byte[32], new byte[32]))
            .ToList();
        log.Store.Append(entries[..2], []);

        // As a server restart or an administrator would: end every other session on the log's database.
        await log.Database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        log.Store.Append(entries[2..], []);

        Assert.Equal(4L, Convert.ToInt64(await log.Database.ScalarAsync("SELECT count(*) FROM exchange_log WHERE chain_id = 'kept-chain'"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
