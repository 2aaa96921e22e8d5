using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>The clinic API end to end against a real hub process; run once per storage provider.</summary>
public abstract class ClinicApiTests(HubProcess hub)
{
    private static string NewMessageId() => Guid.NewGuid().ToString("N");

    private static string[] HubIdsInOrder(IEnumerable<BulkUploadResult> results) =>
        [.. results.OrderBy(result => result.Sequence).Select(result => result.HubId)];

    [Fact]
    public async Task RegisterChild_NewChild_RecordReadableByEveryIdentifier()
    {
        var child = TestChildren.WithDoses(3);
        var clinic = await hub.ClinicAsync();

        var registered = await clinic.RegisterChildAsync(child.ToRegisterRequest(NewMessageId()));

        Assert.Equal(RegistrationOutcome.Created, registered.Outcome);
        Assert.All(registered.VaccinationResults, result => Assert.Equal(VaccinationOutcome.Recorded, result.Outcome));
        var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = registered.HubId } })).Person;
        Assert.Equal(child.Name, person.Name);
        Assert.Equal(child.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), person.BirthDate);
        Assert.Equal(child.Mother.IdNumber, person.Mother.IdNumber);
        Assert.Equal(child.Doses.Count, person.Vaccinations.Count);
        Assert.Equal(RegisterStatus.Local, person.RegisterStatus);
        foreach (var identifier in child.ToPerson().Identifiers)
        {
            var byIdentifier = await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { Identifier = identifier } });
            Assert.Equal(registered.HubId, byIdentifier.Person.HubId);
        }
    }

    [Fact]
    public async Task RegisterChild_SameIdentifiersFromAnotherSystem_ResolvesToSameChild()
    {
        var child = TestChildren.Next();
        var first = await (await hub.ClinicAsync("hospital-a")).RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));

        var second = await (await hub.ClinicAsync("clinic-b")).RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));

        Assert.Equal(first.HubId, second.HubId);
        Assert.Equal(RegistrationOutcome.Existing, second.Outcome);
    }

    [Fact]
    public async Task RegisterChild_RetryWithSameMessageId_ReturnsFirstResultAndChangesNothing()
    {
        var child = TestChildren.WithDoses(2);
        var clinic = await hub.ClinicAsync();
        var request = child.ToRegisterRequest(NewMessageId());
        var first = await clinic.RegisterChildAsync(request);

        var retry = await clinic.RegisterChildAsync(request);

        Assert.Equal(first, retry);
        var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(child.Doses.Count, person.Vaccinations.Count);
    }

    [Fact]
    public async Task GetRecord_ReadBeforeAndAfterANewDose_ShowsTheDoseAfter()
    {
        var child = TestChildren.WithDoses(2);
        var clinic = await hub.ClinicAsync();
        await clinic.RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));
        var request = new GetRecordRequest { Child = child.ByChildCode() };
        var first = (await clinic.GetRecordAsync(request)).Person;
        var again = (await clinic.GetRecordAsync(request)).Person;

        await clinic.RecordVaccinationsAsync(new RecordVaccinationsRequest
        {
            ClientMessageId = NewMessageId(), Child = child.ByChildCode(), Vaccinations = { child.Doses[0].ToVaccination("R-1") },
        });
        var afterOne = (await clinic.GetRecordAsync(request)).Person;
        await clinic.RecordVaccinationsAsync(new RecordVaccinationsRequest
        {
            ClientMessageId = NewMessageId(), Child = child.ByChildCode(), Vaccinations = { child.Doses[1].ToVaccination("R-2") },
        });
        var afterTwo = (await clinic.GetRecordAsync(request)).Person;

        Assert.Empty(first.Vaccinations);
        Assert.Equal(first, again);
        Assert.Equal(["R-1"], afterOne.Vaccinations.Select(dose => dose.Sources.Single().SourceRecordId));
        Assert.Equal(["R-1", "R-2"], afterTwo.Vaccinations.SelectMany(dose => dose.Sources).Select(source => source.SourceRecordId).Order());
    }

    [Fact]
    public async Task RecordVaccinations_SameDoseFromTwoSystems_StoredOnceWithBothSources()
    {
        var child = TestChildren.WithDoses(1);
        await (await hub.ClinicAsync("clinic-a")).RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));
        var dose = child.Doses[0];
        var fromA = new RecordVaccinationsRequest { ClientMessageId = NewMessageId(), Child = child.ByChildCode(), Vaccinations = { dose.ToVaccination("A-1") } };
        var fromB = new RecordVaccinationsRequest { ClientMessageId = NewMessageId(), Child = child.ByChildCode(), Vaccinations = { dose.ToVaccination("B-77") } };

        var a = await (await hub.ClinicAsync("clinic-a")).RecordVaccinationsAsync(fromA);
        var b = await (await hub.ClinicAsync("clinic-b")).RecordVaccinationsAsync(fromB);

        Assert.Equal(VaccinationOutcome.Recorded, a.Results[0].Outcome);
        Assert.Equal(VaccinationOutcome.Merged, b.Results[0].Outcome);
        Assert.Equal(a.Results[0].EventId, b.Results[0].EventId);
        var person = (await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        var stored = Assert.Single(person.Vaccinations);
        Assert.Equal(["clinic-a", "clinic-b"], stored.Sources.Select(source => source.SourceSystem));
        Assert.Equal(["A-1", "B-77"], stored.Sources.Select(source => source.SourceRecordId));
    }

    [Fact]
    public async Task FindChildren_ByMotherIdNumberAndByDemographics_FindsTheChild()
    {
        var child = TestChildren.Next();
        var clinic = await hub.ClinicAsync();
        var registered = await clinic.RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));

        var byMother = await clinic.FindChildrenAsync(new FindChildrenRequest { MotherIdNumber = child.Mother.IdNumber });
        var byDemographics = await clinic.FindChildrenAsync(new FindChildrenRequest
        {
            Demographics = new DemographicQuery
            {
                Name = child.Name,
                BirthDate = child.ToPerson().BirthDate,
                Sex = child.IsMale ? Sex.Male : Sex.Female,
            },
        });
        var wrongSex = await clinic.FindChildrenAsync(new FindChildrenRequest
        {
            Demographics = new DemographicQuery { Name = child.Name, BirthDate = child.ToPerson().BirthDate, Sex = child.IsMale ? Sex.Female : Sex.Male },
        });

        Assert.Contains(byMother.Children, found => found.HubId == registered.HubId);
        Assert.Contains(byDemographics.Children, found => found.HubId == registered.HubId && found.Name == child.Name);
        Assert.DoesNotContain(wrongSex.Children, found => found.HubId == registered.HubId);
    }

    [Fact]
    public async Task TransferChild_MoveOutThenMoveIn_ChangesUnitAndKeepsHistory()
    {
        var child = TestChildren.Next();
        var clinic = await hub.ClinicAsync();
        await clinic.RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));
        var today = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await clinic.TransferChildAsync(new TransferChildRequest { ClientMessageId = NewMessageId(), Child = child.ByChildCode(), Kind = TransferKind.MoveOut, EffectiveDate = today });
        var moved = await (await hub.ClinicAsync("clinic-new-city", unitCode: "4201060003")).TransferChildAsync(new TransferChildRequest
        {
            ClientMessageId = NewMessageId(),
            Child = child.ByChildCode(),
            Kind = TransferKind.MoveIn,
            EffectiveDate = today,
            ToUnit = "4201060003",
            ToRegion = "420106",
        });

        Assert.Equal("4201060003", moved.Person.ManagingUnit);
        Assert.Equal("420106", moved.Person.ResidenceRegion);
        Assert.Equal(RegisterStatus.TransferredIn, moved.Person.RegisterStatus);
        Assert.Collection(
            moved.Person.StatusHistory,
            first => Assert.Equal((RegisterStatus.Local, RegisterStatus.MovedOut, child.ManagingUnit), (first.From, first.To, first.FromUnit)),
            second => Assert.Equal((RegisterStatus.MovedOut, RegisterStatus.TransferredIn, "4201060003", "clinic-new-city"), (second.From, second.To, second.ToUnit, second.SourceSystem)));
    }

    [Fact]
    public async Task BulkUpload_MixedItems_OneResultPerItemAndBadItemAlone()
    {
        var children = Enumerable.Range(0, 20).Select(_ => TestChildren.Next()).ToList();
        var items = children.Select(child => child.ToBulkItem(NewMessageId())).ToList();
        items[5].Child.Identifiers[0].Value = "420102000112345678X";
        items.Add(items[3].Clone());

        var results = await (await hub.ClinicAsync()).UploadAllAsync(items);

        Assert.Equal(items.Count, results.Count);
        Assert.Equal(Enumerable.Range(0, items.Count).Select(i => (long)i), results.Select(result => result.Sequence).Order());
        var rejected = Assert.Single(results, result => result.Status == ItemStatus.Rejected);
        Assert.Equal(5, rejected.Sequence);
        Assert.Contains(rejected.Violations, violation => violation.Field == "child.identifiers[0].value");
        // Item 20 repeats item 3 (same message id); they run concurrently, so either may be the one stored.
        var repeated = results.Where(result => result.Sequence is 3 or 20).ToList();
        Assert.Equal([ItemStatus.Accepted, ItemStatus.Duplicate], repeated.Select(result => result.Status).Order());
        Assert.Single(repeated.Select(result => result.HubId).Distinct());
        Assert.Equal(19, results.Count(result => result.Status == ItemStatus.Accepted));
        var person = (await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = children[7].ByChildCode() })).Person;
        Assert.Equal(children[7].Doses.Count, person.Vaccinations.Count);
    }

    [Fact]
    public async Task BulkUpload_SameChildrenInLaterStreams_AllDuplicateUnderTheSameHubIds()
    {
        var children = Enumerable.Range(0, 10).Select(_ => TestChildren.Next()).ToList();
        var items = children.Select(child => child.ToBulkItem(NewMessageId())).ToList();

        var first = await (await hub.ClinicAsync()).UploadAllAsync(items);
        // Each record's activation was released once stored: these streams find the records in the database.
        var retried = await (await hub.ClinicAsync()).UploadAllAsync(items);
        var resent = await (await hub.ClinicAsync()).UploadAllAsync(children.Select(child => child.ToBulkItem(NewMessageId())));

        Assert.All(first, result => Assert.Equal(ItemStatus.Accepted, result.Status));
        Assert.All(retried.Concat(resent), result => Assert.Equal(ItemStatus.Duplicate, result.Status));
        var hubIds = HubIdsInOrder(first);
        Assert.Equal(hubIds, HubIdsInOrder(retried));
        Assert.Equal(hubIds, HubIdsInOrder(resent));
        var clinic = await hub.ClinicAsync();
        foreach (var (child, hubId) in children.Zip(hubIds))
        {
            var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
            Assert.Equal((hubId, child.Doses.Count), (person.HubId, person.Vaccinations.Count));
        }
    }

    [Fact]
    public async Task GetRecord_UnknownIdentifier_NotFound()
    {
        var unknown = TestChildren.Next();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = unknown.ByChildCode() }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}

public sealed class SqliteClinicApiTests(SqliteHubFixture fixture) : ClinicApiTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgresClinicApiTests(PostgresHubFixture fixture) : ClinicApiTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
