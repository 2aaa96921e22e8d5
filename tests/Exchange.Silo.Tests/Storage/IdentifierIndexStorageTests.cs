using Exchange.Adapters.Model;
using Exchange.Silo.Grains;
using Exchange.Silo.Records;
using Exchange.Silo.Storage;
using Exchange.Silo.Tests.Grains;

namespace Exchange.Silo.Tests.Storage;

/// <summary>
/// A new child's identifiers enter the identifier index in the record's own write (the person-state triggers), on
/// the production storage of both databases; known identifiers still go through the identifier grains.
/// </summary>
public abstract class IdentifierIndexStorageTests(RecordStorageFixture fixture)
{
    [Fact]
    public async Task RegisterAsync_NewChild_EveryIdentifierIsStoredForTheRecordAndResolves()
    {
        var child = fixture.NextChild();
        var registration = ClusterFixture.RegistrationOf(child);

        var outcome = await RegisterAsync(registration);

        Assert.True(outcome.Created);
        foreach (var identifier in registration.Identifiers)
        {
            Assert.Equal(outcome.HubId, await StoredOwnerAsync(identifier));
            Assert.Equal(outcome.HubId, await fixture.NewDirectory().ResolveAsync(identifier));
        }
    }

    [Fact]
    public async Task RegisterAsync_IdentifierGrainAskedWhileUnknown_GrainAnswersTheChildAfterRegistration()
    {
        var registration = ClusterFixture.RegistrationOf(fixture.NextChild());
        var childCode = fixture.Cluster.Client.GetGrain<IIdentifierGrain>(registration.Identifiers[0].Key);
        Assert.Null(await childCode.GetHubIdAsync());

        var outcome = await RegisterAsync(registration);

        Assert.Equal(outcome.HubId, await childCode.GetHubIdAsync());
    }

    [Fact]
    public async Task ResolveAsync_ChildRegisteredThroughThisDirectory_IsAnsweredWithoutTheStoredIndex()
    {
        var directory = fixture.NewDirectory();
        var registration = ClusterFixture.RegistrationOf(fixture.NextChild());
        var outcome = await directory.RegisterAsync(ClusterFixture.Register("clinic", "m-1", registration));
        var childCode = registration.Identifiers[0];
        await fixture.Database.ExecuteAsync("DELETE FROM grain_state WHERE state_name = 'identifier' AND grain_key = @Key", ("Key", childCode.Key));

        Assert.Equal(outcome.HubId, await directory.ResolveAsync(childCode));
        Assert.Null(await fixture.NewDirectory().ResolveAsync(childCode));
    }

    [Fact]
    public async Task GetRecordAsync_RecordRead_ItsIdentifiersResolveWithoutTheStoredIndex()
    {
        var registration = ClusterFixture.RegistrationOf(fixture.NextChild());
        var outcome = await RegisterAsync(registration);
        var directory = fixture.NewDirectory();
        await directory.GetRecordAsync(outcome.HubId);
        await fixture.Database.ExecuteAsync(
            "DELETE FROM grain_state WHERE state_name = 'identifier' AND grain_key = @Key", ("Key", registration.Identifiers[1].Key));

        Assert.Equal(outcome.HubId, await directory.ResolveAsync(registration.Identifiers[1]));
    }

    [Fact]
    public async Task RegisterAsync_SameIdentifiersAgain_SameRecordNotCreated()
    {
        var registration = ClusterFixture.RegistrationOf(fixture.NextChild());
        var first = await RegisterAsync(registration);

        var second = await RegisterAsync(registration);

        Assert.Equal((first.HubId, false), (second.HubId, second.Created));
    }

    [Fact]
    public async Task RegisterAsync_OneKnownIdentifierAndOneNew_NewIdentifierJoinsTheSameRecord()
    {
        var child = fixture.NextChild();
        var childCode = new PersonIdentifier(IdentifierKind.ChildCode, child.ChildCode);
        var birthCertificate = new PersonIdentifier(IdentifierKind.BirthCertificate, child.BirthCertificateNumber);
        var certificate = new PersonIdentifier(IdentifierKind.VaccinationCertificate, $"VC{child.ChildCode}");
        var first = await RegisterAsync(ClusterFixture.RegistrationOf(child, childCode, birthCertificate));

        var second = await RegisterAsync(ClusterFixture.RegistrationOf(child, birthCertificate, certificate));

        Assert.Equal(first.HubId, second.HubId);
        Assert.Equal(first.HubId, await StoredOwnerAsync(certificate));
    }

    [Fact]
    public async Task CreateClaimingIdentifiersAsync_AnIdentifierBelongsToAnotherRecord_StoresNothing()
    {
        var owner = fixture.NextChild();
        var taken = new PersonIdentifier(IdentifierKind.ChildCode, owner.ChildCode);
        var first = await RegisterAsync(ClusterFixture.RegistrationOf(owner, taken));
        var other = fixture.NextChild();
        var fresh = new PersonIdentifier(IdentifierKind.BirthCertificate, other.BirthCertificateNumber);
        var hubId = Guid.CreateVersion7().ToString("N");

        var outcome = await fixture.NewDirectory().Person(hubId).CreateClaimingIdentifiersAsync(
            ClusterFixture.Register("clinic", "m-1", ClusterFixture.RegistrationOf(other, fresh, taken)));

        Assert.True(outcome.IsIdentifierTaken, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        Assert.Null(await fixture.NewDirectory().Person(hubId).GetAsync());
        Assert.Null(await StoredOwnerAsync(fresh));
        Assert.Equal(first.HubId, await StoredOwnerAsync(taken));
    }

    [Fact]
    public async Task RegisterAsync_KnownChildrenReSentThroughAFreshDirectory_EachResolvesToItsRecordNoneCreated()
    {
        // A fresh directory first creates without asking the index (the write refuses the taken identifiers), then,
        // having met known children, asks first: both ways must land on the existing records.
        var registrations = Enumerable.Range(0, 6).Select(_ => ClusterFixture.RegistrationOf(fixture.NextChild())).ToList();
        var first = new List<PersonWriteOutcome>();
        foreach (var registration in registrations)
        {
            first.Add(await RegisterAsync(registration));
        }

        var personRows = await CountPersonRowsAsync();
        var directory = fixture.NewDirectory();
        var again = new List<PersonWriteOutcome>();
        foreach (var registration in registrations)
        {
            again.Add(await directory.RegisterAsync(ClusterFixture.Register("other-system", Guid.NewGuid().ToString("N"), registration)));
        }

        Assert.Equal(first.Select(outcome => outcome.HubId), again.Select(outcome => outcome.HubId));
        Assert.All(again, outcome => Assert.False(outcome.Created));
        Assert.All(again, outcome => Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message))));
        Assert.Equal(personRows, await CountPersonRowsAsync());
    }

    [Fact]
    public async Task RegisterAsync_SameNewChildFromEightSystemsAtOnce_OneRecord()
    {
        var registration = ClusterFixture.RegistrationOf(fixture.NextChild());

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(system =>
            fixture.NewDirectory().RegisterAsync(ClusterFixture.Register($"system-{system}", "m-1", registration))));

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message))));
        Assert.Single(outcomes.Select(outcome => outcome.HubId).Distinct());
        Assert.Single(outcomes, outcome => outcome.Created);
        foreach (var identifier in registration.Identifiers)
        {
            Assert.Equal(outcomes[0].HubId, await StoredOwnerAsync(identifier));
        }
    }

    [Fact]
    public async Task RecordDosesAsync_AfterCreation_StoredRecordNoLongerCarriesTheClaims()
    {
        var child = fixture.NextChild();
        var created = await RegisterAsync(ClusterFixture.RegistrationOf(child));
        Assert.Equal(1L, await CountPersonRowsWithClaimsAsync(created.HubId));

        await fixture.NewDirectory().Person(created.HubId).RecordDosesAsync(new RecordDosesCommand(
            "clinic", "m-2",
            [new DoseReport(new Dose("0202", 1, child.BirthDate, "L1", null, null, null, "4201020001", Route.Intramuscular, Site.LeftUpperArm, null, VaccinationKind.Routine), null)],
            DateTimeOffset.UtcNow));

        Assert.Equal(0L, await CountPersonRowsWithClaimsAsync(created.HubId));
    }

    private async Task<PersonWriteOutcome> RegisterAsync(PersonRegistration registration)
    {
        var outcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("clinic", Guid.NewGuid().ToString("N"), registration));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        return outcome;
    }

    private async Task<string?> StoredOwnerAsync(PersonIdentifier identifier) =>
        (string?)await fixture.Database.ScalarAsync(
            fixture.Database.Kind == DatabaseKind.PostgreSql
                ? "SELECT payload ->> 'hubId' FROM grain_state WHERE state_name = 'identifier' AND grain_key = @Key"
                : "SELECT json_extract(payload, '$.hubId') FROM grain_state WHERE state_name = 'identifier' AND grain_key = @Key",
            ("Key", identifier.Key));

    private async Task<long> CountPersonRowsAsync() =>
        Convert.ToInt64(await fixture.Database.ScalarAsync("SELECT count(*) FROM grain_state WHERE state_name = 'person'"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> CountPersonRowsWithClaimsAsync(string hubId) =>
        Convert.ToInt64(
            await fixture.Database.ScalarAsync(
                fixture.Database.Kind == DatabaseKind.PostgreSql
                    ? "SELECT count(*) FROM grain_state WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' = @HubId AND payload ? 'indexClaims'"
                    : "SELECT count(*) FROM grain_state WHERE state_name = 'person' AND json_extract(payload, '$.record.hubId') = @HubId AND json_type(payload, '$.indexClaims') IS NOT NULL",
                ("HubId", hubId)),
            System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteIdentifierIndexStorageTests(SqliteRecordStorageFixture fixture)
    : IdentifierIndexStorageTests(fixture), IClassFixture<SqliteRecordStorageFixture>;

public sealed class PostgreSqlIdentifierIndexStorageTests(PostgreSqlRecordStorageFixture fixture)
    : IdentifierIndexStorageTests(fixture), IClassFixture<PostgreSqlRecordStorageFixture>;
