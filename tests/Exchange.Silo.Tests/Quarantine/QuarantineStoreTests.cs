using Exchange.Adapters.Results;
using Exchange.Silo.Quarantine;
using Exchange.Silo.Storage;
using Exchange.Silo.Tests.Storage;

namespace Exchange.Silo.Tests.Quarantine;

/// <summary>The quarantine table on each database: held once, listed by source and reason, resolved once.</summary>
public abstract class QuarantineStoreTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SqlQuarantineStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "quarantine");
        await SchemaInstaller.InstallAsync(kind, _database.ConnectionString, CancellationToken.None);
        _store = new SqlQuarantineStore(kind, _database.ConnectionString, "exchange");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task HoldAsync_SameMessageTwice_HeldOnceWithTheFirstPayload()
    {
        var first = await _store.HoldAsync(Submission("vendor-a", "m1", [1, 2, 3]), default);
        var again = await _store.HoldAsync(Submission("vendor-a", "m1", [9, 9]), default);
        var otherSource = await _store.HoldAsync(Submission("vendor-b", "m1", [1, 2, 3]), default);

        Assert.False(first.AlreadyHeld);
        Assert.True(again.AlreadyHeld);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, otherSource.Id);
        Assert.Equal(new byte[] { 1, 2, 3 }, await _store.GetPayloadAsync(first.Id, default));
        var item = await _store.GetAsync(first.Id, default);
        Assert.Equal(2, item!.ReceiveCount);
        Assert.Equal(QuarantineStatus.Held, item.Status);
        Assert.Equal("vaccinations[0].vaccine_code", item.Issues[0].Field);
        Assert.Equal(ReasonCodes.UnknownCode, item.Issues[0].Reason);
        Assert.Equal("application/x-protobuf; messageType=exchange.v1.RecordVaccinationsRequest", item.ContentType);
    }

    [Fact]
    public async Task HoldAsync_NoMessageId_DedupedByPayload()
    {
        var first = await _store.HoldAsync(Submission("vendor-a", "", [4, 5]), default);
        var same = await _store.HoldAsync(Submission("vendor-a", "", [4, 5]), default);
        var different = await _store.HoldAsync(Submission("vendor-a", "", [4, 6]), default);

        Assert.Equal(first.Id, same.Id);
        Assert.NotEqual(first.Id, different.Id);
    }

    [Fact]
    public async Task ListAsync_FilterBySourceReasonAndStatus_PagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _store.HoldAsync(Submission("vendor-list", $"m{i}", [(byte)i]), default)).Id);
        }

        await _store.HoldAsync(Submission("vendor-list", "date", [7], new Issue(IssueCode.Invalid, "vaccinations[0].date", "bad", ReasonCodes.ImpossibleDate)), default);
        await _store.HoldAsync(Submission("vendor-other", "m0", [8]), default);
        await _store.DiscardAsync(ids[0], "test data", DateTimeOffset.UtcNow, default);

        var first = await _store.ListAsync(new QuarantineQuery("vendor-list", ReasonCodes.UnknownCode, QuarantineStatus.Held, 3, null), default);
        var second = await _store.ListAsync(new QuarantineQuery("vendor-list", ReasonCodes.UnknownCode, QuarantineStatus.Held, 3, first.Next), default);
        var byDate = await _store.ListAsync(new QuarantineQuery(null, ReasonCodes.ImpossibleDate, null, 10, null), default);

        Assert.Equal([ids[4], ids[3], ids[2]], first.Items.Select(item => item.Id));
        Assert.NotNull(first.Next);
        Assert.Equal([ids[1]], second.Items.Select(item => item.Id));
        Assert.Null(second.Next);
        Assert.Equal("date", Assert.Single(byDate.Items).ClientMessageId);
    }

    [Fact]
    public async Task MarkAcceptedAsync_Once_KeepsTheResolution()
    {
        var id = (await _store.HoldAsync(Submission("vendor-a", "accept", [1]), default)).Id;
        var resolution = new QuarantineResolution("hub-1", DateTimeOffset.UtcNow, "vendor-a@2", "operator");

        Assert.True(await _store.MarkAcceptedAsync(id, resolution, default));
        Assert.False(await _store.MarkAcceptedAsync(id, resolution with { HubId = "hub-2" }, default));
        Assert.False(await _store.DiscardAsync(id, "late", DateTimeOffset.UtcNow, default));

        var item = await _store.GetAsync(id, default);
        Assert.Equal(QuarantineStatus.ResubmittedAccepted, item!.Status);
        Assert.Equal(("hub-1", "vendor-a@2", "operator"), (item.Resolution!.HubId, item.Resolution.CodeMapVersion, item.Resolution.ResolvedBy));
    }

    [Fact]
    public async Task MarkStillHeldAsync_ReplacesReasons_DiscardKeepsTheItem()
    {
        var id = (await _store.HoldAsync(Submission("vendor-a", "again", [1]), default)).Id;

        await _store.MarkStillHeldAsync(id, [new Issue(IssueCode.Invalid, "child.birth_date", "bad", ReasonCodes.InvalidDate)], DateTimeOffset.UtcNow, default);
        var byNewReason = await _store.ListAsync(new QuarantineQuery("vendor-a", ReasonCodes.InvalidDate, null, 10, null), default);
        Assert.True(await _store.DiscardAsync(id, "duplicate of a paper record", DateTimeOffset.UtcNow, default));

        Assert.Equal(id, Assert.Single(byNewReason.Items).Id);
        var item = await _store.GetAsync(id, default);
        Assert.Equal(QuarantineStatus.Discarded, item!.Status);
        Assert.Equal("duplicate of a paper record", item.DiscardReason);
        Assert.NotNull(await _store.GetPayloadAsync(id, default));
    }

    private static QuarantineSubmission Submission(string source, string messageId, byte[] payload, Issue? issue = null) => new(
        source,
        "grpc:RecordVaccinations",
        messageId,
        [issue ?? new Issue(IssueCode.Invalid, "vaccinations[0].vaccine_code", "'V01' is not a national vaccine code", ReasonCodes.UnknownCode)],
        payload,
        "application/x-protobuf; messageType=exchange.v1.RecordVaccinationsRequest",
        DateTimeOffset.UtcNow);
}

public sealed class SqliteQuarantineStoreTests() : QuarantineStoreTests(DatabaseKind.Sqlite);

public sealed class PostgreSqlQuarantineStoreTests() : QuarantineStoreTests(DatabaseKind.PostgreSql);
