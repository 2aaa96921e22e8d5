using Exchange.Adapters.Normalization;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;
using static Exchange.Hub.Tests.EndToEnd.ScheduleReportClients;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>
/// A unit asks for next week's due list and a county for its coverage table, against the real hub; children are
/// registered through the clinic API just before, so the read model must be in step with the writes.
/// </summary>
public abstract class ScheduleReportsTests(Func<HubProcess> hub)
{
    [Fact]
    public async Task ListDue_NextWeek_ChildrenOfTheUnitWithTheirDosesAndContacts()
    {
        var (unit, otherUnit, monday) = ("4201110001", "4201110002", NextMonday());
        var twoMonths = monday.AddMonths(-2);
        var oneMonth = monday.AddDays(2).AddMonths(-1);
        var p = await RegisterAsync(Child(twoMonths, unit, "420111", ("0202", 1, twoMonths), ("0101", 1, twoMonths), ("0202", 2, twoMonths.AddMonths(1))));
        var q = await RegisterAsync(Child(oneMonth, unit, "420111", ("0202", 1, oneMonth)));
        var r = await RegisterAsync(Child(twoMonths, otherUnit, "420111", ("0202", 1, twoMonths), ("0101", 1, twoMonths), ("0202", 2, twoMonths.AddMonths(1))));
        var request = new ListDueRequest { AreaCode = unit, FromDate = Format(monday), ToDate = Format(monday.AddDays(6)) };

        var started = DateTime.UtcNow;
        var due = await (await hub().ReportsAsync("clinic-4201110001")).ListDueAsync(request);
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(
            [(p, "DTaP", 1), (p, "Polio", 1), (q, "HepB", 2)],
            due.Doses.Select(dose => (dose.HubId, dose.Series, dose.Dose)).Order());
        Assert.All(due.Doses, dose => Assert.False(string.IsNullOrEmpty(dose.Name) || string.IsNullOrEmpty(dose.GuardianPhone)));
        Assert.All(due.Doses, dose => Assert.Equal(DueStatus.Due, dose.Status));
        Assert.Equal(string.Empty, due.NextPageToken);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"due list took {elapsed}");

        var withOverdue = await (await hub().ReportsAsync()).ListDueAsync(new ListDueRequest(request) { IncludeOverdue = true });
        Assert.Contains(withOverdue.Doses, dose => (dose.HubId, dose.Series, dose.RecommendedDate) == (q, "BCG", Format(oneMonth)));

        var county = await (await hub().ReportsAsync()).ListDueAsync(new ListDueRequest(request) { AreaCode = "420111" });
        Assert.Equal(5, county.Doses.Count);
        Assert.Contains(county.Doses, dose => dose.HubId == r);
    }

    [Fact]
    public async Task ListDue_PageSizeOne_PagesTogetherGiveTheWholeList()
    {
        var (unit, monday) = ("4201120001", NextMonday());
        var born = monday.AddMonths(-2);
        await RegisterAsync(Child(born, unit, "420112", ("0202", 1, born), ("0101", 1, born), ("0202", 2, born.AddMonths(1))));
        await RegisterAsync(Child(born.AddDays(1), unit, "420112", ("0202", 1, born.AddDays(1)), ("0101", 1, born.AddDays(1))));
        var request = new ListDueRequest { AreaCode = unit, FromDate = Format(monday), ToDate = Format(monday.AddDays(6)) };
        var whole = await (await hub().ReportsAsync()).ListDueAsync(request);

        var paged = new List<DueDose>();
        var token = string.Empty;
        do
        {
            var page = await (await hub().ReportsAsync()).ListDueAsync(new ListDueRequest(request) { PageSize = 1, PageToken = token });
            paged.AddRange(page.Doses);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(whole.Doses.Count >= 3);
        Assert.Equal(whole.Doses, paged);
    }

    /// <summary>
    /// County 420106, October 2026, hand count (window for October: eligible from 2025-11-01 to 2026-10-31):
    /// A born 10-05, unit 1, local: HepB-1 and BCG on the birth day (timely).
    /// B born 10-10, unit 1, mobile (household 110101): HepB-1 on 10-12 (late: after birth date + 1 day).
    /// C born 10-20, unit 2, local: nothing.
    /// D born 08-15, unit 2, local: HepB-1 and BCG on 08-15 (before October: not eligible), HepB-2 on 10-03
    ///   (eligible from 09-15); Polio-1 eligible from 10-15, not given.
    /// E born 2025-08-01, unit 1, local: nothing; HepB-1, BCG and Polio-1 became due more than 12 months ago: dropped.
    /// HepB-1: eligible A, B, C = 3, vaccinated A, B = 2, timely A = 1 (local 2/1/1, mobile 1/1/0).
    /// BCG: eligible A, B, C = 3, vaccinated A = 1. HepB-2: eligible D = 1, vaccinated 1. Polio-1: eligible D = 1, vaccinated 0.
    /// </summary>
    [Fact]
    public async Task GetCoverage_CountyMonth_MatchesTheHandCount()
    {
        var (unit1, unit2) = ("4201060001", "4201060002");
        await RegisterAsync(Child(new(2026, 10, 5), unit1, "420106", ("0202", 1, new(2026, 10, 5)), ("0101", 1, new(2026, 10, 5))));
        await RegisterAsync(Child(new(2026, 10, 10), unit1, "110101", ("0202", 1, new(2026, 10, 12))));
        await RegisterAsync(Child(new(2026, 10, 20), unit2, "420106"));
        await RegisterAsync(Child(new(2026, 8, 15), unit2, "420106", ("0202", 1, new(2026, 8, 15)), ("0101", 1, new(2026, 8, 15)), ("0202", 2, new(2026, 10, 3))));
        await RegisterAsync(Child(new(2025, 8, 1), unit1, "420106"));
        var request = new GetCoverageRequest { AreaCode = "420106", FromMonth = "2026-10", ToMonth = "2026-10" };

        var rows = (await (await hub().ReportsAsync()).GetCoverageAsync(request)).Rows;

        Assert.Equal((3, 2, 1), Counts(rows, "HepB", 1, ResidenceType.Unspecified));
        Assert.Equal((2, 1, 1), Counts(rows, "HepB", 1, ResidenceType.Local));
        Assert.Equal((1, 1, 0), Counts(rows, "HepB", 1, ResidenceType.Mobile));
        Assert.Equal((3, 1, 1), Counts(rows, "BCG", 1, ResidenceType.Unspecified));
        Assert.Equal((1, 1, 1), Counts(rows, "HepB", 2, ResidenceType.Unspecified));
        Assert.Equal((1, 0, 0), Counts(rows, "Polio", 1, ResidenceType.Unspecified));
        var hepB1 = Assert.Single(rows, row => (row.Series, row.Dose, row.Residence) == ("HepB", 1, ResidenceType.Unspecified));
        Assert.Equal((2.0 / 3, 1.0 / 3), (hepB1.Coverage, hepB1.TimelyCoverage));

        var byUnit = (await (await hub().ReportsAsync()).GetCoverageAsync(new GetCoverageRequest(request) { GroupBy = AreaLevel.Unit })).Rows;
        Assert.Equal((2, 2, 1), Counts(byUnit.Where(row => row.AreaCode == unit1), "HepB", 1, ResidenceType.Unspecified));
        Assert.Equal((1, 0, 0), Counts(byUnit.Where(row => row.AreaCode == unit2), "HepB", 1, ResidenceType.Unspecified));

        var city = (await (await hub().ReportsAsync()).GetCoverageAsync(new GetCoverageRequest(request) { AreaCode = "420100", GroupBy = AreaLevel.County })).Rows;
        Assert.Equal((3, 2, 1), Counts(city.Where(row => row.AreaCode == "420106"), "HepB", 1, ResidenceType.Unspecified));

        var csv = string.Concat(await (await hub().ReportsAsync()).ExportCoverageCsv(request).ResponseStream.ReadAllAsync().Select(chunk => chunk.Text).ToListAsync());
        Assert.StartsWith("month,area_code,area_level,residence,series,dose,eligible,vaccinated,coverage,timely_vaccinated,timely_coverage\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n2026-10,420106,county,all,HepB,1,3,2,0.6667,1,0.3333\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n2026-10,420106,county,mobile,HepB,1,1,1,1.0000,0,0.0000\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDue_BadArea_InvalidArgumentNamingTheField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await (await hub().ReportsAsync()).ListDueAsync(
            new ListDueRequest { AreaCode = "42", FromDate = "2026-12-07", ToDate = "2026-12-13" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("area_code", error.Status.Detail, StringComparison.Ordinal);
    }

    private static (long Eligible, long Vaccinated, long Timely) Counts(IEnumerable<CoverageRow> rows, string series, int dose, ResidenceType residence)
    {
        var row = Assert.Single(rows, row => (row.Series, row.Dose, row.Residence) == (series, dose, residence));
        return (row.Eligible, row.Vaccinated, row.TimelyVaccinated);
    }

    private static DateOnly NextMonday()
    {
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    private async Task<string> RegisterAsync(RegisterChildRequest request) =>
        (await (await hub().ClinicAsync($"clinic-{request.Child.ManagingUnit}", request.Child.ManagingUnit)).RegisterChildAsync(request)).HubId;
}

public sealed class SqliteScheduleReportsTests(SqliteHubFixture fixture)
    : ScheduleReportsTests(() => fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgresScheduleReportsTests(PostgresHubFixture fixture)
    : ScheduleReportsTests(() => fixture.Hub), IClassFixture<PostgresHubFixture>;
