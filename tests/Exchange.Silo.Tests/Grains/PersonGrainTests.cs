using System.Text.Json;
using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Grains;
using Exchange.Silo.Hosting;
using Exchange.Silo.Records;
using Exchange.Testing.Synthetic;

namespace Exchange.Silo.Tests.Grains;

[Collection(ClusterCollection.Name)]
public class PersonGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Received = new(2025, 6, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordDosesAsync_SameMessageAgain_ReturnsFirstOutcomeReplayedAndChangesNothing()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);
        var first = await person.RecordDosesAsync(new RecordDosesCommand("his", "m-2", [ClusterFixture.DoseOf(child.Doses[0])], Received));
        var before = Json(await person.GetAsync());

        var again = await person.RecordDosesAsync(
            new RecordDosesCommand("his", "m-2", [ClusterFixture.DoseOf(child.Doses[1])], Received.AddMinutes(1)));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Doses, again.Doses);
        Assert.Equal(DoseOutcomeKind.Recorded, Assert.Single(again.Doses).Kind);
        Assert.Equal(before, Json(await person.GetAsync()));
    }

    [Fact]
    public async Task RecordDosesAsync_SameMessageIdFromAnotherSystem_IsNotAReplay()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);
        await person.RecordDosesAsync(new RecordDosesCommand("his", "m-2", [ClusterFixture.DoseOf(child.Doses[0])], Received));

        var other = await person.RecordDosesAsync(new RecordDosesCommand("cdc", "m-2", [ClusterFixture.DoseOf(child.Doses[1])], Received));

        Assert.False(other.Replayed);
        Assert.Equal(DoseOutcomeKind.Recorded, Assert.Single(other.Doses).Kind);
        Assert.Equal(2, (await person.GetAsync())!.Vaccinations.Count);
    }

    [Fact]
    public async Task RecordDosesAsync_SameDoseFromTwoSystems_StoredOnceWithBothSources()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);

        var fromClinic = await person.RecordDosesAsync(
            new RecordDosesCommand("clinic", "c-1", [ClusterFixture.DoseOf(child.Doses[0], "clinic-77")], Received));
        var fromCdc = await person.RecordDosesAsync(
            new RecordDosesCommand("cdc", "d-1", [ClusterFixture.DoseOf(child.Doses[0], "cdc-5")], Received.AddHours(1)));

        var recorded = Assert.Single(fromClinic.Doses);
        var merged = Assert.Single(fromCdc.Doses);
        Assert.Equal((DoseOutcomeKind.Recorded, DoseOutcomeKind.Merged), (recorded.Kind, merged.Kind));
        Assert.Equal(recorded.EventId, merged.EventId);
        var stored = Assert.Single((await person.GetAsync())!.Vaccinations);
        Assert.Equal(
            [new EventSource("clinic", "clinic-77", Received), new EventSource("cdc", "cdc-5", Received.AddHours(1))],
            stored.Sources);
    }

    [Fact]
    public async Task RecordDosesAsync_UnknownHubId_ReturnsNotFound()
    {
        var outcome = await fixture.NewDirectory().Person(Guid.NewGuid().ToString("N")).RecordDosesAsync(
            new RecordDosesCommand("his", "m-1", [ClusterFixture.DoseOf(fixture.NextChild().Doses[0])], Received));

        Assert.Equal(IssueCode.NotFound, Assert.Single(outcome.Issues).Code);
    }

    [Fact]
    public async Task RecordDosesAsync_DoseBeforeBirth_ReturnsIssueAndChangesNothing()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);
        var before = Json(await person.GetAsync());
        DoseReport[] doses = [ClusterFixture.DoseOf(child.Doses[0]), ClusterFixture.DoseOf(child.Doses[1]) with { Dose = ClusterFixture.DoseOf(child.Doses[1]).Dose with { Date = child.BirthDate.AddDays(-3) } }];

        var outcome = await person.RecordDosesAsync(new RecordDosesCommand("his", "m-2", doses, Received));

        Assert.Equal("vaccinations[1].date", Assert.Single(outcome.Issues).Field);
        Assert.Equal(before, Json(await person.GetAsync()));
    }

    [Fact]
    public async Task TransferAsync_MoveInThenMoveOut_KeepsHistory()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);
        var newUnit = child.ManagingUnit == "4201060101" ? "4201060102" : "4201060101";
        var moveInDate = child.BirthDate.AddDays(30);

        var moveIn = await person.TransferAsync(new TransferCommand("clinic", "t-1", TransferKind.MoveIn, moveInDate, newUnit, "420106", null, Received));
        var moveOut = await person.TransferAsync(
            new TransferCommand("clinic", "t-2", TransferKind.MoveOut, moveInDate.AddDays(30), null, null, "left the province", Received.AddDays(1)));

        Assert.Empty(moveIn.Issues);
        Assert.Empty(moveOut.Issues);
        var record = await person.GetAsync();
        Assert.Equal(RegisterStatus.MovedOut, record!.RegisterStatus);
        Assert.Equal((newUnit, "420106"), (record.Demographics.ManagingUnit, record.Demographics.ResidenceRegion));
        Assert.Equal(
            [
                new RegisterStatusChange(RegisterStatus.Local, RegisterStatus.TransferredIn, moveInDate, child.ManagingUnit, newUnit, "420106", null, "clinic", Received),
                new RegisterStatusChange(RegisterStatus.TransferredIn, RegisterStatus.MovedOut, moveInDate.AddDays(30), newUnit, newUnit, null, "left the province", "clinic", Received.AddDays(1)),
            ],
            record.StatusHistory);
    }

    [Fact]
    public async Task TransferAsync_SameMessageAgain_IsReplayedWithoutAnotherHistoryEntry()
    {
        var (hubId, child) = await RegisterNewChildAsync();
        var person = fixture.NewDirectory().Person(hubId);
        var command = new TransferCommand("clinic", "t-1", TransferKind.MoveOut, child.BirthDate.AddDays(10), null, null, null, Received);
        await person.TransferAsync(command);

        var again = await person.TransferAsync(command);

        Assert.True(again.Replayed);
        Assert.Single(again.Person!.StatusHistory);
        Assert.Single((await person.GetAsync())!.StatusHistory);
    }

    [Fact]
    public async Task TransferAsync_UnknownHubId_ReturnsNotFound()
    {
        var outcome = await fixture.NewDirectory().Person(Guid.NewGuid().ToString("N")).TransferAsync(
            new TransferCommand("clinic", "t-1", TransferKind.MoveOut, ClusterFixture.AsOf, null, null, null, Received));

        Assert.Null(outcome.Person);
        Assert.Equal(IssueCode.NotFound, Assert.Single(outcome.Issues).Code);
    }

    [Fact]
    public async Task GetAsync_UnknownHubId_ReturnsNull()
    {
        Assert.Null(await fixture.NewDirectory().Person(Guid.NewGuid().ToString("N")).GetAsync());
    }

    [Fact]
    public async Task GetAsync_AfterDeactivation_ReturnsTheStoredRecordUnchanged()
    {
        var child = fixture.NextChild();
        var doses = child.Doses.Select(dose => ClusterFixture.DoseOf(dose, $"his-{dose.VaccineCode}-{dose.DoseNumber}")).ToArray();
        var registered = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child), doses));
        var person = fixture.NewDirectory().Person(registered.HubId);
        var firstDoses = await person.RecordDosesAsync(new RecordDosesCommand("cdc", "d-1", [doses[0] with { SourceRecordId = "cdc-1" }], Received));
        await person.TransferAsync(new TransferCommand("clinic", "t-1", TransferKind.MoveOut, child.BirthDate.AddDays(5), null, null, "moved", Received));
        var before = await person.GetAsync();

        await fixture.Cluster.DeactivateAsync(person);
        Assert.False(fixture.Cluster.TryGetGrainContext(person.GetGrainId(), out _));
        var after = await person.GetAsync();

        Assert.NotNull(after);
        Assert.Equal(Json(before), Json(after));
        Assert.Equal(doses.Length, after.Vaccinations.Count);
        var merged = after.Vaccinations.Single(e => e.EventId == Assert.Single(firstDoses.Doses).EventId);
        Assert.Equal(["his", "cdc"], merged.Sources.Select(source => source.SourceSystem));
        Assert.Equal(RegisterStatus.MovedOut, after.RegisterStatus);
        var replay = await person.RecordDosesAsync(new RecordDosesCommand("cdc", "d-1", [doses[0]], Received));
        Assert.True(replay.Replayed);
        Assert.Equal(firstDoses.Doses, replay.Doses);
    }

    [Fact]
    public async Task RegisterAsync_ReleaseAfterWrite_ActivationIsReleasedAndTheRecordReadsBackFromStorage()
    {
        var child = fixture.NextChild();
        var doses = child.Doses.Select(dose => ClusterFixture.DoseOf(dose)).ToArray();
        var command = ClusterFixture.Register("clinic", "bulk-1", ClusterFixture.RegistrationOf(child), doses) with { ReleaseAfterWrite = true };

        var outcome = await fixture.NewDirectory().RegisterAsync(command);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        var person = fixture.NewDirectory().Person(outcome.HubId);
        Assert.Equal(0, await ActivationsAsync(person, waitingFor: 0));
        var record = await person.GetAsync();
        Assert.NotNull(record);
        Assert.Equal(child.Doses.Count, record.Vaccinations.Count);
    }

    [Fact]
    public async Task RegisterAsync_WithoutRelease_ActivationStays()
    {
        var (hubId, _) = await RegisterNewChildAsync();

        Assert.Equal(1, await ActivationsAsync(fixture.NewDirectory().Person(hubId), waitingFor: 0));
    }

    /// <summary>The grain's activation count, once it is <paramref name="waitingFor"/> or after two seconds.</summary>
    private async Task<int> ActivationsAsync(IPersonGrain person, int waitingFor)
    {
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (true)
        {
            var count = await management.GetGrainActivationCount((GrainReference)person);
            if (count == waitingFor || DateTime.UtcNow >= deadline)
            {
                return count;
            }

            await Task.Delay(50);
        }
    }

    private async Task<(string HubId, SyntheticChild Child)> RegisterNewChildAsync()
    {
        var child = fixture.NextChild();
        var outcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child)));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        return (outcome.HubId, child);
    }

    private static string Json(PersonRecord? record) => JsonSerializer.Serialize(record, ExchangeJson.Options);
}
