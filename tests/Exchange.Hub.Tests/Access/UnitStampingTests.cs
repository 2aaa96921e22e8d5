using Exchange.Hub.Tests.EndToEnd;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>A clinic writes only for its own unit; its unit and system id come from its credentials.</summary>
public sealed class UnitStampingTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string OwnUnit = "4201020105";
    private const string OtherUnit = "4201060003";

    [Fact]
    public async Task RecordVaccinations_ForAnotherUnit_PermissionDeniedNamingTheField()
    {
        var clinic = await fixture.Hub.ClinicAsync("stamp-clinic", OwnUnit);
        var child = TestChildren.WithDoses(2);
        await clinic.RegisterChildAsync(Registration(child));
        var request = new RecordVaccinationsRequest { ClientMessageId = NewId(), Child = child.ByChildCode() };
        request.Vaccinations.Add(child.Doses[0].ToVaccination());
        request.Vaccinations[0].AdministeringUnit = OtherUnit;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.RecordVaccinationsAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("vaccinations[0].administering_unit", Assert.Single(Violations(error)).Field);
        var record = (await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Empty(record.Vaccinations);
    }

    [Fact]
    public async Task RegisterChild_ManagedByAnotherUnit_PermissionDenied()
    {
        var clinic = await fixture.Hub.ClinicAsync("stamp-clinic", OwnUnit);
        var request = Registration(TestChildren.Next());
        request.Child.ManagingUnit = OtherUnit;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.RegisterChildAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("child.managing_unit", Assert.Single(Violations(error)).Field);
    }

    [Fact]
    public async Task RegisterChild_UnitsLeftEmpty_StampedWithTheCallersUnitAndSystem()
    {
        var clinic = await fixture.Hub.ClinicAsync("stamp-clinic", OwnUnit);
        var child = TestChildren.WithDoses(1);
        var request = Registration(child);
        request.Child.ManagingUnit = string.Empty;
        request.Vaccinations.Add(child.Doses[0].ToVaccination());
        request.Vaccinations[0].AdministeringUnit = string.Empty;

        var registered = await clinic.RegisterChildAsync(request);

        var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = registered.HubId } })).Person;
        Assert.Equal(OwnUnit, person.ManagingUnit);
        var dose = Assert.Single(person.Vaccinations);
        Assert.Equal(OwnUnit, dose.AdministeringUnit);
        var source = Assert.Single(dose.Sources);
        Assert.Equal(("stamp-clinic", OwnUnit), (source.SourceSystem, source.SourceUnit));
    }

    [Fact]
    public async Task Hospital_RegistersNewbornForAClinicButRecordsOnlyItsOwnDoses()
    {
        var hospital = await fixture.Hub.HospitalAsync("stamp-hospital", OwnUnit);
        var child = TestChildren.WithDoses(1);
        var request = Registration(child);
        request.Child.ManagingUnit = OtherUnit;
        request.Vaccinations.Add(child.Doses[0].ToVaccination());
        request.Vaccinations[0].AdministeringUnit = OtherUnit;

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await hospital.RegisterChildAsync(request));
        request.Vaccinations[0].AdministeringUnit = OwnUnit;
        var registered = await hospital.RegisterChildAsync(request);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("vaccinations[0].administering_unit", Assert.Single(Violations(refused)).Field);
        Assert.Equal(RegistrationOutcome.Created, registered.Outcome);
    }

    [Fact]
    public async Task TransferChild_MoveInToAnotherUnit_PermissionDenied()
    {
        var clinic = await fixture.Hub.ClinicAsync("stamp-clinic", OwnUnit);
        var child = TestChildren.Next();
        await clinic.RegisterChildAsync(Registration(child));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.TransferChildAsync(new TransferChildRequest
        {
            ClientMessageId = NewId(),
            Child = child.ByChildCode(),
            Kind = TransferKind.MoveIn,
            EffectiveDate = child.BirthDate.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ToUnit = OtherUnit,
            ToRegion = "420106",
        }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("to_unit", Assert.Single(Violations(error)).Field);
    }

    private static RegisterChildRequest Registration(SyntheticChild child)
    {
        var request = child.ToRegisterRequest(NewId(), withDoses: false);
        request.Child.ManagingUnit = OwnUnit;
        return request;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Google.Protobuf.Collections.RepeatedField<BadRequest.Types.FieldViolation> Violations(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? throw new Xunit.Sdk.XunitException("no BadRequest details");
}
