using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Silo.CodeMaps;

namespace Exchange.Silo.Tests.CodeMaps;

/// <summary>Code-map versioning through the grain, stored by the production storage on each database.</summary>
public abstract class CodeMapGrainTests(CodeMapStorageFixture fixture)
{
    private static readonly CodeMapEntry[] FirstEntries = [new(CodeMapSystem.Vaccine, "V01", "0202"), new(CodeMapSystem.Sex, "A", "1")];

    [Fact]
    public async Task PublishAsync_TwoVersions_NumberedAndStoredAcrossDeactivation()
    {
        var source = $"vendor-{Guid.NewGuid():N}";
        var grain = fixture.Cluster.Client.GetGrain<ICodeMapGrain>(source);

        var first = await grain.PublishAsync(Command(FirstEntries, "first"));
        var second = await grain.PublishAsync(Command([new(CodeMapSystem.Vaccine, "v01", "0201")], "second", expected: 1));
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(1, first.Published!.Version);
        Assert.Equal($"{source}@2", second.Published!.Label);
        var current = await grain.GetCurrentAsync();
        Assert.Equal(2, current!.Version);
        Assert.Equal("0201", Assert.Single(current.Entries).CanonicalCode);
        Assert.Equal("V01", current.Entries[0].LocalCode);
        Assert.Equal(FirstEntries, (await grain.GetVersionAsync(1))!.Entries);
        Assert.Null(await grain.GetVersionAsync(3));
        var versions = await grain.ListVersionsAsync();
        Assert.Equal([(2, true, 1), (1, false, 2)], versions.Select(v => (v.Version, v.Current, v.EntryCount)));
        Assert.Equal(["second", "first"], versions.Select(v => v.Comment));
        var stored = await fixture.Database.ScalarAsync("SELECT COUNT(*) FROM grain_state WHERE state_name = 'codemap' AND CAST(payload AS TEXT) LIKE '%0201%'");
        Assert.Equal(1L, Convert.ToInt64(stored, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PublishAsync_CanonicalCodeNotInHubTables_NothingPublished()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICodeMapGrain>($"vendor-{Guid.NewGuid():N}");

        var outcome = await grain.PublishAsync(Command([new(CodeMapSystem.Vaccine, "V01", "0202"), new(CodeMapSystem.Vaccine, "V02", "9998")], null));

        Assert.Null(outcome.Published);
        var issue = Assert.Single(outcome.Issues);
        Assert.Equal("entries[1].canonical_code", issue.Field);
        Assert.Null(await grain.GetCurrentAsync());
    }

    [Fact]
    public async Task PublishAsync_StaleExpectedVersion_Conflict()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICodeMapGrain>($"vendor-{Guid.NewGuid():N}");
        await grain.PublishAsync(Command(FirstEntries, null, expected: 0));

        var outcome = await grain.PublishAsync(Command(FirstEntries, null, expected: 0));

        Assert.Null(outcome.Published);
        Assert.Equal(IssueCode.Conflict, Assert.Single(outcome.Issues).Code);
        Assert.Single(await grain.ListVersionsAsync());
    }

    private static PublishCodeMapCommand Command(CodeMapEntry[] entries, string? comment, int? expected = null) =>
        new("admin", entries, comment, expected, DateTimeOffset.UtcNow);
}

public sealed class SqliteCodeMapGrainTests(SqliteCodeMapStorageFixture fixture)
    : CodeMapGrainTests(fixture), IClassFixture<SqliteCodeMapStorageFixture>;

public sealed class PostgreSqlCodeMapGrainTests(PostgreSqlCodeMapStorageFixture fixture)
    : CodeMapGrainTests(fixture), IClassFixture<PostgreSqlCodeMapStorageFixture>;
