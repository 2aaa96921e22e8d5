using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Grains;
using Exchange.Silo.Records;

namespace Exchange.Silo.Tests.Grains;

/// <summary>Registration through <see cref="Exchange.Silo.Registry.PersonDirectory"/>: the identifier index decides which record a child is.</summary>
[Collection(ClusterCollection.Name)]
public class IdentifierGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegisterAsync_NewChild_CreatesRecordWithHubId()
    {
        var child = fixture.NextChild();
        var registration = ClusterFixture.RegistrationOf(child);
        var doses = child.Doses.Select(dose => ClusterFixture.DoseOf(dose)).ToArray();

        var outcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", registration, doses));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        Assert.True(outcome.Created);
        Assert.False(outcome.Replayed);
        Assert.Matches("^[0-9a-f]{32}$", outcome.HubId);
        Assert.All(outcome.Doses, dose => Assert.Equal(DoseOutcomeKind.Recorded, dose.Kind));
        var record = await fixture.NewDirectory().Person(outcome.HubId).GetAsync();
        Assert.NotNull(record);
        Assert.Equal(outcome.HubId, record.HubId);
        Assert.Equal(registration.Identifiers, record.Identifiers);
        Assert.Equal(registration.Demographics, record.Demographics);
        Assert.Equal(RegisterStatus.Local, record.RegisterStatus);
        Assert.Equal(doses.Select(dose => dose.Dose.Key).ToHashSet(), record.Vaccinations.Select(e => e.Dose.Key).ToHashSet());
        Assert.Equal(doses.Length, record.Vaccinations.Count);
        foreach (var identifier in registration.Identifiers)
        {
            Assert.Equal(outcome.HubId, await fixture.NewDirectory().ResolveAsync(identifier));
        }
    }

    [Fact]
    public async Task RegisterAsync_SameIdentifiersAgain_ReturnsSameHubIdNotCreated()
    {
        var child = fixture.NextChild();
        var registration = ClusterFixture.RegistrationOf(child);
        var first = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", registration));

        var second = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("cdc", "m-7", registration));

        Assert.True(second.Succeeded);
        Assert.Equal(first.HubId, second.HubId);
        Assert.False(second.Created);
        Assert.False(second.Replayed);
    }

    [Fact]
    public async Task RegisterAsync_SameMessageAgain_ReturnsFirstOutcomeReplayed()
    {
        var child = fixture.NextChild();
        var first = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child)));

        var again = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child)));

        Assert.True(again.Replayed);
        Assert.Equal((first.HubId, first.Created), (again.HubId, again.Created));
    }

    [Fact]
    public async Task RegisterAsync_SharingOneIdentifier_AddsTheNewIdentifierToTheSameRecord()
    {
        var child = fixture.NextChild();
        var childCode = new PersonIdentifier(IdentifierKind.ChildCode, child.ChildCode);
        var birthCertificate = new PersonIdentifier(IdentifierKind.BirthCertificate, child.BirthCertificateNumber);
        var certificate = new PersonIdentifier(IdentifierKind.VaccinationCertificate, $"VC{child.ChildCode}");
        var first = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("hospital", "m-1", ClusterFixture.RegistrationOf(child, childCode, birthCertificate)));

        var second = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("clinic", "m-1", ClusterFixture.RegistrationOf(child, birthCertificate, certificate)));

        Assert.True(second.Succeeded);
        Assert.Equal(first.HubId, second.HubId);
        Assert.False(second.Created);
        var record = await fixture.NewDirectory().Person(first.HubId).GetAsync();
        Assert.Equal([childCode, birthCertificate, certificate], record!.Identifiers);
        Assert.Equal(first.HubId, await fixture.NewDirectory().ResolveAsync(certificate));
    }

    [Fact]
    public async Task RegisterAsync_TwentySystemsAtOnce_AllGetOneHubId()
    {
        var child = fixture.NextChild();
        var registration = ClusterFixture.RegistrationOf(child);
        var doses = child.Doses.Take(3).Select(dose => ClusterFixture.DoseOf(dose)).ToArray();
        var systems = Enumerable.Range(0, 20).Select(i => $"system-{i:D2}").ToArray();

        var outcomes = await Task.WhenAll(systems.Select(system =>
            fixture.NewDirectory().RegisterAsync(ClusterFixture.Register(system, "m-1", registration, doses))));

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message))));
        var hubId = Assert.Single(outcomes.Select(outcome => outcome.HubId).Distinct());
        Assert.Single(outcomes, outcome => outcome.Created);
        var record = await fixture.NewDirectory().Person(hubId).GetAsync();
        Assert.Equal(registration.Identifiers, record!.Identifiers);
        Assert.Equal(doses.Length, record.Vaccinations.Count);
        Assert.All(record.Vaccinations, e => Assert.Equal(systems, e.Sources.Select(source => source.SourceSystem).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task RegisterAsync_OverlappingIdentifierSetsAtOnce_AllGetOneHubId()
    {
        for (var round = 0; round < 20; round++)
        {
            var child = fixture.NextChild();
            var childCode = new PersonIdentifier(IdentifierKind.ChildCode, child.ChildCode);
            var birthCertificate = new PersonIdentifier(IdentifierKind.BirthCertificate, child.BirthCertificateNumber);
            var certificate = new PersonIdentifier(IdentifierKind.VaccinationCertificate, $"VC{child.ChildCode}");
            PersonIdentifier[][] sets = [[childCode, birthCertificate], [birthCertificate, certificate], [childCode, certificate]];

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fixture.NewDirectory().RegisterAsync(
                ClusterFixture.Register($"system-{i:D2}", "m-1", ClusterFixture.RegistrationOf(child, sets[i % sets.Length])))));

            Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, $"round {round}: {string.Join("; ", outcome.Issues.Select(issue => issue.Message))}"));
            Assert.Single(outcomes.Select(outcome => outcome.HubId).Distinct());
        }
    }

    [Fact]
    public async Task RegisterAsync_IdentifiersOfTwoChildren_ReturnsConflictAndChangesNeither()
    {
        var (first, second) = (fixture.NextChild(), fixture.NextChild());
        var firstCode = new PersonIdentifier(IdentifierKind.ChildCode, first.ChildCode);
        var secondCertificate = new PersonIdentifier(IdentifierKind.BirthCertificate, second.BirthCertificateNumber);
        var firstOutcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(first, firstCode)));
        var secondOutcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-2", ClusterFixture.RegistrationOf(second, secondCertificate)));

        var outcome = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("cdc", "m-3", ClusterFixture.RegistrationOf(first, firstCode, secondCertificate)));

        Assert.False(outcome.Succeeded);
        var issue = Assert.Single(outcome.Issues);
        Assert.Equal((IssueCode.Conflict, "child.identifiers"), (issue.Code, issue.Field));
        Assert.Equal([firstCode], (await fixture.NewDirectory().Person(firstOutcome.HubId).GetAsync())!.Identifiers);
        Assert.Equal([secondCertificate], (await fixture.NewDirectory().Person(secondOutcome.HubId).GetAsync())!.Identifiers);
    }

    [Fact]
    public async Task RegisterAsync_DoseBeforeBirth_ReturnsIssueAndStoresNoRecord()
    {
        var child = fixture.NextChild();
        var early = ClusterFixture.DoseOf(child.Doses[0]) with { Dose = ClusterFixture.DoseOf(child.Doses[0]).Dose with { Date = child.BirthDate.AddDays(-1) } };

        var outcome = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child), early));

        Assert.False(outcome.Succeeded);
        Assert.Equal("vaccinations[0].date", Assert.Single(outcome.Issues).Field);
        Assert.Null(await fixture.NewDirectory().Person(outcome.HubId).GetAsync());
    }

    [Fact]
    public async Task RegisterAsync_CorrectedAfterRefusal_CreatesTheRecord()
    {
        var child = fixture.NextChild();
        var dose = ClusterFixture.DoseOf(child.Doses[0]);
        var refused = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("his", "m-1", ClusterFixture.RegistrationOf(child), dose with { Dose = dose.Dose with { Date = child.BirthDate.AddDays(-1) } }));

        var corrected = await fixture.NewDirectory().RegisterAsync(ClusterFixture.Register("his", "m-2", ClusterFixture.RegistrationOf(child), dose));

        Assert.False(refused.Succeeded);
        Assert.True(corrected.Succeeded);
        Assert.True(corrected.Created);
        Assert.Single((await fixture.NewDirectory().Person(corrected.HubId).GetAsync())!.Vaccinations);
    }

    [Fact]
    public async Task ResolveAsync_UnknownIdentifier_ReturnsNull()
    {
        var child = fixture.NextChild();

        Assert.Null(await fixture.NewDirectory().ResolveAsync(new PersonIdentifier(IdentifierKind.ChildCode, child.ChildCode)));
    }

    [Fact]
    public async Task ClaimAsync_AfterTheIndexEntryWasDeactivated_ReturnsTheStoredOwner()
    {
        var child = fixture.NextChild();
        var key = new PersonIdentifier(IdentifierKind.ChildCode, child.ChildCode).Key;
        var index = fixture.Cluster.Client.GetGrain<IIdentifierGrain>(key);
        Assert.Equal("first-owner", await index.ClaimAsync("first-owner"));

        // A fresh activation has not read its row; its claim must find the stored owner, not overwrite it.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal("first-owner", await index.ClaimAsync("second-owner"));
        Assert.Equal("first-owner", await index.GetHubIdAsync());
    }
}
