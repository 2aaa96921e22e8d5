using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>A clinic asks which doses are due for a child, using every dose the child got anywhere.</summary>
public sealed class ForecastTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task GetForecast_InfantWithBirthDosesAtTwoMonths_NextDosesPerRuleSetInForce()
    {
        var child = TestChildren.Next();
        while (child.BirthDate < new DateOnly(2021, 3, 1))
        {
            // The first encoded rule set is the NIP 2021 edition.
            child = TestChildren.Next();
        }

        var request = child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false);
        request.Vaccinations.AddRange(child.Doses.Where(dose => dose.VaccineCode is "0202" or "0101" && dose.DoseNumber == 1).Select(dose => dose.ToVaccination()));
        var registered = await (await fixture.Hub.ClinicAsync("maternity-unit")).RegisterChildAsync(request);
        var assessedOn = child.BirthDate.AddMonths(2).AddDays(5);

        var forecast = await (await fixture.Hub.ClinicAsync("clinic-new-city")).GetForecastAsync(new GetForecastRequest
        {
            Child = child.ByChildCode(),
            AssessmentDate = assessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(registered.HubId, forecast.HubId);
        Assert.Equal(2, forecast.Evaluations.Count(evaluation => evaluation.Status == DoseStatus.Valid));
        Assert.Equal(ForecastStatus.Complete, Series(forecast, "BCG").Status);
        var hepB = Series(forecast, "HepB");
        Assert.Equal((ForecastStatus.Due, 2), (hepB.Status, hepB.NextDose));
        var polio = Series(forecast, "Polio");
        Assert.Equal((ForecastStatus.Due, 1), (polio.Status, polio.NextDose));
        var dtap = Series(forecast, "DTaP");
        if (assessedOn < new DateOnly(2025, 1, 1))
        {
            // NIP 2021: DTaP dose 1 from 3 months.
            Assert.Equal((ForecastStatus.NotYetDue, 1), (dtap.Status, dtap.NextDose));
            Assert.Equal(child.BirthDate.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dtap.EarliestDate);
        }
        else
        {
            // From 2025-01-01: DTaP dose 1 from 2 months.
            Assert.Equal((ForecastStatus.Due, 1), (dtap.Status, dtap.NextDose));
        }
    }

    [Fact]
    public async Task GetForecast_BadAssessmentDate_InvalidArgument()
    {
        var child = TestChildren.Next();
        await (await fixture.Hub.ClinicAsync()).RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.Hub.ClinicAsync()).GetForecastAsync(new GetForecastRequest { Child = child.ByChildCode(), AssessmentDate = "31/12/2025" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task GetForecast_BeforeFirstRuleSet_InvalidArgumentNamingTheDate()
    {
        var child = TestChildren.Next();
        await (await fixture.Hub.ClinicAsync()).RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.Hub.ClinicAsync()).GetForecastAsync(new GetForecastRequest { Child = child.ByChildCode(), AssessmentDate = "2020-06-01" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("assessment_date", error.Status.Detail, StringComparison.Ordinal);
    }

    private static SeriesForecast Series(GetForecastResponse forecast, string series) =>
        forecast.Forecasts.Single(candidate => candidate.Series == series);
}
