using Exchange.Adapters.Model;
using Exchange.Silo.Tests.Grains;

namespace Exchange.Silo.Tests.Storage;

/// <summary>
/// On PostgreSQL a person's row holds the part the database reads as jsonb (payload) and the rest of the state as
/// text (body); rows written before that layout (whole state in payload) still read back.
/// </summary>
public sealed class PersonStateLayoutTests(PostgreSqlRecordStorageFixture fixture) : IClassFixture<PostgreSqlRecordStorageFixture>
{
    [Fact]
    public async Task RegisterAsync_ChildWithDoses_DatabaseParsesOnlyTheIndexedPartAndTheRecordReadsBackWhole()
    {
        var child = fixture.NextChild();
        var hubId = await RegisterAsync(child);

        Assert.Equal(true, await fixture.Database.ScalarAsync(
            "SELECT body IS NOT NULL FROM grain_state WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' = @HubId", ("HubId", hubId)));
        Assert.Equal(false, await fixture.Database.ScalarAsync(
            "SELECT payload -> 'record' ? 'vaccinations' FROM grain_state WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' = @HubId", ("HubId", hubId)));
        // The schedule projection is written once, into the part the read-model triggers read.
        Assert.Equal("true false", await fixture.Database.ScalarAsync(
            "SELECT (payload ? 'schedule')::text || ' ' || (body::jsonb ? 'schedule')::text FROM grain_state WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' = @HubId", ("HubId", hubId)));
        Assert.Equal([hubId], await fixture.Search.ByDemographicsAsync(child.Name, child.BirthDate, child.IsMale ? Sex.Male : Sex.Female, 10, CancellationToken.None));
        await ReadBackFromStorageAsync(hubId, child);
    }

    [Fact]
    public async Task GetAsync_RowStoredWholeInPayload_ReadsBack()
    {
        var child = fixture.NextChild();
        var hubId = await RegisterAsync(child);
        await fixture.Database.ExecuteAsync(
            "UPDATE grain_state SET payload = jsonb_set(body::jsonb, '{schedule}', payload -> 'schedule'), body = NULL WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' = @HubId",
            ("HubId", hubId));

        await ReadBackFromStorageAsync(hubId, child);
    }

    private async Task<string> RegisterAsync(Exchange.Testing.Synthetic.SyntheticChild child)
    {
        var doses = child.Doses.Select(dose => ClusterFixture.DoseOf(dose)).ToArray();
        var outcome = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("clinic", Guid.NewGuid().ToString("N"), ClusterFixture.RegistrationOf(child), doses));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        return outcome.HubId;
    }

    private async Task ReadBackFromStorageAsync(string hubId, Exchange.Testing.Synthetic.SyntheticChild child)
    {
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var record = await fixture.NewDirectory().Person(hubId).GetAsync();

        Assert.NotNull(record);
        Assert.Equal(ClusterFixture.IdentifiersOf(child), record.Identifiers);
        Assert.Equal(child.Name, record.Demographics.Name);
        Assert.Equal(
            child.Doses.Select(dose => (dose.VaccineCode, dose.DoseNumber, dose.Date)).Order(),
            record.Vaccinations.Select(e => (e.Dose.VaccineCode, e.Dose.DoseNumber, e.Dose.Date)).Order());
    }
}
