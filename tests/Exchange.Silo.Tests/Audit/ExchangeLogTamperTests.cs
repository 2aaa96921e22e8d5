using Exchange.Silo.Audit;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Audit;

/// <summary>
/// Rows of the exchange log changed directly in the database, past the append-only guard, as someone with full
/// database rights could: verification names the first bad entry each time.
/// </summary>
public sealed class ExchangeLogTamperTests
{
    private const int Entries = 40;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_UntouchedLog_IsIntact(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        var result = await log.VerifyAsync();

        Assert.True(result.Intact, result.FirstProblem?.Detail);
        Assert.Equal(Entries, result.EntriesChecked);
        Assert.Equal(Entries / 10, result.CheckpointsChecked);
        var chain = Assert.Single(result.Chains);
        Assert.Equal((1, (long)Entries), (chain.FirstSequence, chain.LastSequence));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_EntryEdited_NamesItAltered(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("UPDATE exchange_log SET caller_system = 'someone-else' WHERE sequence = 17");
        var result = await log.VerifyAsync();

        AssertProblem(result, 17, TamperKind.Altered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_PersonRemovedFromEntry_NamesItAltered(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("UPDATE exchange_log SET persons = '[]' WHERE sequence = 9; DELETE FROM exchange_log_person WHERE sequence = 9");
        var result = await log.VerifyAsync();

        AssertProblem(result, 9, TamperKind.Altered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_PersonIndexRowDeleted_NamesEntryAltered(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("DELETE FROM exchange_log_person WHERE sequence = 23");
        var result = await log.VerifyAsync();

        AssertProblem(result, 23, TamperKind.Altered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_EntryDeleted_NamesItMissing(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("DELETE FROM exchange_log_person WHERE sequence = 12; DELETE FROM exchange_log WHERE sequence = 12");
        var result = await log.VerifyAsync();

        AssertProblem(result, 12, TamperKind.Missing);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_EntryDeletedAndRestRenumbered_NamesTheGap(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, 8);

        await log.TamperAsync("DELETE FROM exchange_log WHERE sequence = 5; UPDATE exchange_log SET sequence = sequence - 1 WHERE sequence > 5");
        var result = await log.VerifyAsync();

        // Entry 5 now holds what was entry 6: it hashes correctly, but names a predecessor no entry has.
        AssertProblem(result, 4, TamperKind.Altered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_TwoEntriesSwapped_NamesTheFirstReordered(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("""
            UPDATE exchange_log SET sequence = -1 WHERE sequence = 21;
            UPDATE exchange_log SET sequence = 21 WHERE sequence = 22;
            UPDATE exchange_log SET sequence = 22 WHERE sequence = -1;
            """);
        var result = await log.VerifyAsync();

        AssertProblem(result, 21, TamperKind.Reordered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_ChainRewrittenWithFreshHashes_CaughtByTheSignedCheckpoint(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);
        var rewritten = (await log.Reader.QueryAsync(new ExchangeLogFilter(), 1000, null, CancellationToken.None)).Entries
            .Where(entry => entry.Sequence >= 13).OrderBy(entry => entry.Sequence).ToList();

        // Someone who knows the hashing rewrites entry 13 and re-hashes every entry after it, but cannot sign.
        var previous = (await log.Reader.QueryAsync(new ExchangeLogFilter(), 1000, null, CancellationToken.None)).Entries.Single(entry => entry.Sequence == 12).Hash;
        foreach (var original in rewritten)
        {
            var entry = original.Sequence == 13 ? original.Entry with { Caller = original.Entry.Caller with { System = "forged" } } : original.Entry;
            var hash = EntryHasher.Hash(previous, entry);
            await log.TamperAsync($"UPDATE exchange_log SET caller_system = '{entry.Caller.System}', previous_hash = {Hex(kind, previous)}, hash = {Hex(kind, hash)} WHERE sequence = {original.Sequence}");
            previous = hash;
        }

        var result = await log.VerifyAsync();

        // The checkpoints at 10 and 20 were signed; the rewrite lies between them.
        AssertProblem(result, 11, TamperKind.Altered);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_CheckpointSignatureForged_NamesBadCheckpoint(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync($"UPDATE exchange_log_checkpoint SET signed_at_us = signed_at_us + 1 WHERE sequence = 30");
        var result = await log.VerifyAsync();

        AssertProblem(result, 30, TamperKind.BadCheckpoint);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_TailDeletedBeyondACheckpoint_NamesItMissing(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, Entries);

        await log.TamperAsync("DELETE FROM exchange_log_person WHERE sequence > 27; DELETE FROM exchange_log WHERE sequence > 27");
        var result = await log.VerifyAsync();

        // The checkpoints at 30 and 40 vouch for entries the chain no longer has.
        AssertProblem(result, 28, TamperKind.Missing);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task UpdateOrDelete_WithoutPruning_IsRefusedByTheDatabase(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, 3);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.Database.ExecuteAsync("UPDATE exchange_log SET caller_system = 'x' WHERE sequence = 2"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.Database.ExecuteAsync("DELETE FROM exchange_log WHERE sequence = 2"));
        Assert.True((await log.VerifyAsync()).Intact);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task PruneAsync_OldEntries_ChainStaysVerifiableFromThePruningPoint(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, 25);
        await Task.Delay(50);
        var cutoff = DateTimeOffset.UtcNow;
        await TestEntries.AppendAsync(log, 12);

        var removed = await log.Pruner.PruneAsync(cutoff, CancellationToken.None);
        await TestEntries.AppendAsync(log, 5);
        var result = await log.VerifyAsync();

        // Checkpoints were signed at 10, 20 (before the cutoff) and 30, 37... (after): pruned up to 20.
        Assert.Equal(20, removed);
        Assert.True(result.Intact, result.FirstProblem?.Detail);
        var chain = Assert.Single(result.Chains);
        Assert.Equal((21L, 42L), (chain.FirstSequence, chain.LastSequence));

        await log.TamperAsync("DELETE FROM exchange_log WHERE sequence = 21");
        AssertProblem(await log.VerifyAsync(), 21, TamperKind.Missing);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task VerifyAsync_PrunedBeforeRetentionEnded_ReportsMissingEntries(DatabaseKind kind)
    {
        await using var log = await TestExchangeLog.CreateAsync(kind);
        await TestEntries.AppendAsync(log, 25);

        await log.Pruner.PruneAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var result = await log.Verifier.VerifyAsync(TimeSpan.FromDays(180), CancellationToken.None);

        AssertProblem(result, 20, TamperKind.Missing);
    }

    private static void AssertProblem(VerificationResult result, long sequence, TamperKind kind)
    {
        Assert.False(result.Intact);
        var problem = result.FirstProblem!;
        Assert.True((TestExchangeLog.Chain, sequence, kind) == (problem.ChainId, problem.Sequence, problem.Kind), $"expected {kind} at {sequence}, got {problem}");
    }

    private static string Hex(DatabaseKind kind, byte[] bytes) => kind == DatabaseKind.PostgreSql
        ? $"'\\x{Convert.ToHexStringLower(bytes)}'::bytea"
        : $"X'{Convert.ToHexString(bytes)}'";
}
