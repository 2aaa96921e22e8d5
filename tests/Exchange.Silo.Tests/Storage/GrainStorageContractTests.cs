using Exchange.Silo.Storage;
using Orleans.Storage;

namespace Exchange.Silo.Tests.Storage;

/// <summary>The Orleans AdoNetGrainStorage contract, run against the SQL in Storage/Sql for each database.</summary>
public abstract class GrainStorageContractTests(StorageClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task WriteState_StringKey_RoundTripsAfterDeactivation()
    {
        var grain = Grains.GetGrain<IStringProbeGrain>($"person/{Guid.NewGuid()}");
        await grain.WriteAsync("first");
        await grain.WriteAsync("second");

        await fixture.Cluster.DeactivateAsync(grain);
        var snapshot = await grain.ReadAsync();

        Assert.Equal("second", snapshot.Value);
        Assert.Equal(["first", "second"], snapshot.History);
        Assert.True(snapshot.RecordExists);
        Assert.Equal("2", snapshot.ETag);
    }

    [Fact]
    public async Task WriteState_GuidKey_RoundTripsAfterDeactivation()
    {
        var grain = Grains.GetGrain<IGuidProbeGrain>(Guid.NewGuid());
        await grain.WriteAsync("guid-value");

        await fixture.Cluster.DeactivateAsync(grain);
        var snapshot = await grain.ReadAsync();

        Assert.Equal("guid-value", snapshot.Value);
        Assert.True(snapshot.RecordExists);
    }

    [Fact]
    public async Task WriteState_GuidCompoundKey_KeepsExtensionsApart()
    {
        var id = Guid.NewGuid();
        var left = Grains.GetGrain<IGuidCompoundProbeGrain>(id, "left");
        var right = Grains.GetGrain<IGuidCompoundProbeGrain>(id, "right");
        await left.WriteAsync("L");
        await right.WriteAsync("R");

        await fixture.Cluster.DeactivateAsync(left);
        await fixture.Cluster.DeactivateAsync(right);

        Assert.Equal("L", (await left.ReadAsync()).Value);
        Assert.Equal("R", (await right.ReadAsync()).Value);
    }

    [Fact]
    public async Task WriteState_PayloadIsQueryableJson()
    {
        var key = $"json/{Guid.NewGuid()}";
        await Grains.GetGrain<IStringProbeGrain>(key).WriteAsync("searchable");

        var sql = Database.Kind == DatabaseKind.PostgreSql
            ? "SELECT payload->>'value' FROM grain_state WHERE grain_key = @key"
            : "SELECT json_extract(payload, '$.value') FROM grain_state WHERE grain_key = @key AND typeof(payload) = 'text'";

        Assert.Equal("searchable", await Database.ScalarAsync(sql, ("key", key)));
    }

    [Fact]
    public async Task WriteState_VersionBumpedExternally_ThrowsInconsistentState()
    {
        var key = $"bump/{Guid.NewGuid()}";
        var grain = Grains.GetGrain<IStringProbeGrain>(key);
        await grain.WriteAsync("mine");

        var bumped = await Database.ExecuteAsync(
            "UPDATE grain_state SET version = version + 10 WHERE state_name = @state AND grain_key = @key",
            ("state", ProbeStorage.StringStateName),
            ("key", key));

        Assert.Equal(1, bumped);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteAsync("stale"));
    }

    [Fact]
    public async Task WriteState_RowDeletedExternally_ThrowsInconsistentState()
    {
        var key = $"deleted/{Guid.NewGuid()}";
        var grain = Grains.GetGrain<IStringProbeGrain>(key);
        await grain.WriteAsync("mine");

        await Database.ExecuteAsync("DELETE FROM grain_state WHERE grain_key = @key", ("key", key));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteAsync("stale"));
    }

    [Fact]
    public async Task WriteState_RowInsertedAfterActivation_ThrowsInconsistentState()
    {
        var key = $"inserted/{Guid.NewGuid()}";
        var grain = Grains.GetGrain<IStringProbeGrain>(key);
        Assert.False((await grain.ReadAsync()).RecordExists);

        await Database.ExecuteAsync(
            "INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload) "
                + (Database.Kind == DatabaseKind.PostgreSql
                    ? "VALUES (@service, @state, @key, 0, 0, 1, '{\"value\":\"theirs\"}'::jsonb)"
                    : "VALUES (@service, @state, @key, 0, 0, 1, '{\"value\":\"theirs\"}')"),
            ("service", fixture.Cluster.Options.ServiceId),
            ("state", ProbeStorage.StringStateName),
            ("key", key));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteAsync("mine"));
    }

    [Fact]
    public async Task ClearState_ThenWrite_StoresNewState()
    {
        var key = $"clear/{Guid.NewGuid()}";
        var grain = Grains.GetGrain<IStringProbeGrain>(key);
        await grain.WriteAsync("before");

        await grain.ClearAsync();
        var cleared = await grain.ReadAsync();
        var payloadIsNull = await Database.ScalarAsync("SELECT payload IS NULL FROM grain_state WHERE grain_key = @key", ("key", key));
        await grain.WriteAsync("after");
        await fixture.Cluster.DeactivateAsync(grain);
        var reread = await grain.ReadAsync();

        Assert.Null(cleared.Value);
        Assert.False(cleared.RecordExists);
        Assert.Equal("2", cleared.ETag);
        Assert.True(Convert.ToBoolean(payloadIsNull, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("after", reread.Value);
        Assert.Equal(["after"], reread.History);
        Assert.Equal("3", reread.ETag);
    }
}

public sealed class SqliteGrainStorageContractTests(SqliteStorageClusterFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<SqliteStorageClusterFixture>;

public sealed class PostgreSqlGrainStorageContractTests(PostgreSqlStorageClusterFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<PostgreSqlStorageClusterFixture>;
