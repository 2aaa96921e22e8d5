using Exchange.Hub.Tests.EndToEnd;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>
/// Who may read which report areas: a clinic its own units only, a disease-control centre its region and the areas
/// inside it; anything else is PERMISSION_DENIED naming area_code.
/// </summary>
public sealed class ReportScopeTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string OwnUnit = "4201020001";
    private const string OtherUnit = "4201020002";

    [Fact]
    public async Task ListDue_ClinicForItsOwnUnit_Served()
    {
        var due = await (await ClinicAsync()).ListDueAsync(DueList(OwnUnit));

        Assert.NotNull(due);
    }

    [Theory]
    [InlineData(OtherUnit)]
    [InlineData("420102")]
    public async Task ListDue_ClinicForAnotherUnitOrItsCounty_PermissionDeniedNamingAreaCode(string area)
    {
        var clinic = await ClinicAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.ListDueAsync(DueList(area)));

        AssertDenied(error, area);
    }

    [Fact]
    public async Task GetCoverage_ClinicForItsCounty_PermissionDenied()
    {
        var clinic = await ClinicAsync();
        var own = await clinic.GetCoverageAsync(Coverage(OwnUnit));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.GetCoverageAsync(Coverage("420102")));

        Assert.NotNull(own);
        AssertDenied(error, "420102");
    }

    [Theory]
    [InlineData("420106")]
    [InlineData("420100")]
    [InlineData("4201110001")]
    public async Task GetCoverage_CityCdcForAreaInsideItsCity_Served(string area)
    {
        var cdc = await fixture.Hub.DiseaseControlAsync("wuhan-cdc", "420100");

        var coverage = await cdc.GetCoverageAsync(Coverage(area));

        Assert.NotNull(coverage);
    }

    [Theory]
    [InlineData("420500")]
    [InlineData("420502")]
    [InlineData("420000")]
    public async Task GetCoverage_CityCdcForAnotherCityOrTheProvince_PermissionDenied(string area)
    {
        var cdc = await fixture.Hub.DiseaseControlAsync("wuhan-cdc", "420100");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await cdc.GetCoverageAsync(Coverage(area)));

        AssertDenied(error, area);
    }

    [Fact]
    public async Task ExportCoverageCsv_CityCdcForAnotherCity_PermissionDenied()
    {
        var cdc = await fixture.Hub.DiseaseControlAsync("wuhan-cdc", "420100");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = cdc.ExportCoverageCsv(Coverage("420202"));
            await call.ResponseStream.MoveNext();
        });

        AssertDenied(error, "420202");
    }

    [Fact]
    public async Task ListDue_CityCdc_CountyInsideServedUnitOfAnotherCityDenied()
    {
        var cdc = await fixture.Hub.DiseaseControlAsync("wuhan-cdc", "420100");

        var county = await cdc.ListDueAsync(DueList("420111"));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await cdc.ListDueAsync(DueList("4205020001")));

        Assert.NotNull(county);
        AssertDenied(error, "4205020001");
    }

    [Fact]
    public async Task RegisterSystem_DiseaseControlWithoutRegion_InvalidArgumentNamingRegionCode()
    {
        var definition = HubProcess.DiseaseControlDefinition("cdc-without-region", "420100");
        definition.RegionCode = string.Empty;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Hub.Admin().RegisterSystemAsync(new RegisterSystemRequest { System = definition }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, violation => violation.Field == "system.region_code");
    }

    private async Task<ScheduleReports.ScheduleReportsClient> ClinicAsync() =>
        new(await fixture.Hub.CallerAsync(HubProcess.ClinicDefinition("scope-clinic", OwnUnit)));

    private static ListDueRequest DueList(string area) => new() { AreaCode = area, FromDate = "2026-11-02", ToDate = "2026-11-08" };

    private static GetCoverageRequest Coverage(string area) => new() { AreaCode = area, FromMonth = "2026-10", ToMonth = "2026-10" };

    private static void AssertDenied(RpcException error, string area)
    {
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("area_code", violation.Field);
        Assert.Contains(area, violation.Description, StringComparison.Ordinal);
    }
}
