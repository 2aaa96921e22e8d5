using Exchange.Adapters.Model;
using Exchange.Silo.Records;
using Exchange.Silo.Schedule;
using Exchange.Silo.Tests.Grains;
using Exchange.Silo.Tests.Storage;

namespace Exchange.Silo.Tests.Schedule;

/// <summary>A person grain's write updates the due-list and coverage tables in the same statement, on both databases.</summary>
public abstract class ScheduleReadModelStorageTests(RecordStorageFixture fixture)
{
    private static readonly DateOnly Birth = new(2026, 10, 1);
    private static int _units;

    [Fact]
    public async Task RegisterAsync_NewbornWithBirthDoses_DueListHasTheNextDoses()
    {
        var unit = NextUnit();
        await RegisterAsync(unit, Dose("0202", 1, Birth), Dose("0101", 1, Birth));

        var due = await fixture.ReadModel.ListDueAsync(Week(unit, new DateOnly(2026, 11, 1)), CancellationToken.None);

        var entry = Assert.Single(due);
        Assert.Equal(("HepB", 2, "0202", new DateOnly(2026, 11, 1)), (entry.Series, entry.Dose, entry.Vaccine, entry.Recommended));
        Assert.False(string.IsNullOrEmpty(entry.Name));
        Assert.Equal(unit, entry.ManagingUnit);
    }

    [Fact]
    public async Task RecordDosesAsync_DueDoseGiven_DueListMovesToTheNextDose()
    {
        var unit = NextUnit();
        var hubId = await RegisterAsync(unit, Dose("0202", 1, Birth));

        await fixture.NewDirectory().Person(hubId).RecordDosesAsync(
            new RecordDosesCommand("clinic", Guid.NewGuid().ToString("N"), [Dose("0202", 2, new DateOnly(2026, 11, 2))], DateTimeOffset.UtcNow));

        var november = await fixture.ReadModel.ListDueAsync(Week(unit, new DateOnly(2026, 11, 1)), CancellationToken.None);
        Assert.Empty(november);
        var hepB = Assert.Single(
            await fixture.ReadModel.ListDueAsync(Week(unit, new DateOnly(2027, 4, 1)), CancellationToken.None),
            entry => entry.Series == "HepB");
        Assert.Equal((3, new DateOnly(2027, 4, 1)), (hepB.Dose, hepB.Recommended));
    }

    [Fact]
    public async Task RegisterAsync_Newborn_CountsInTheBirthMonthsCoverageAtOnce()
    {
        var unit = NextUnit();
        await RegisterAsync(unit, Dose("0202", 1, Birth));

        var rows = await fixture.ReadModel.CoverageAsync(
            new CoverageQuery(Area.Parse(unit)!, AreaLevel.Unit, Birth, Birth), CancellationToken.None);

        var hepB1 = Assert.Single(rows, row => row.Series == "HepB" && row.Dose == 1);
        Assert.Equal((1L, 1L, 1L), (hepB1.Eligible, hepB1.Vaccinated, hepB1.TimelyVaccinated));
        var bcg = Assert.Single(rows, row => row.Series == "BCG");
        Assert.Equal((1L, 0L), (bcg.Eligible, bcg.Vaccinated));
    }

    [Fact]
    public async Task TransferAsync_MovedInElsewhereThenOut_DueListFollowsTheChildThenDropsIt()
    {
        var (unit, newUnit) = (NextUnit(), NextUnit());
        var hubId = await RegisterAsync(unit, Dose("0202", 1, Birth));
        var person = fixture.NewDirectory().Person(hubId);

        await person.TransferAsync(new TransferCommand("clinic", Guid.NewGuid().ToString("N"), TransferKind.MoveIn, new DateOnly(2026, 10, 20), newUnit, "420102", null, DateTimeOffset.UtcNow));

        Assert.Empty(await fixture.ReadModel.ListDueAsync(Week(unit, new DateOnly(2026, 11, 1)), CancellationToken.None));
        Assert.Equal(hubId, Assert.Single(await fixture.ReadModel.ListDueAsync(Week(newUnit, new DateOnly(2026, 11, 1)), CancellationToken.None)).HubId);

        await person.TransferAsync(new TransferCommand("clinic", Guid.NewGuid().ToString("N"), TransferKind.MoveOut, new DateOnly(2026, 10, 25), null, null, null, DateTimeOffset.UtcNow));

        Assert.Empty(await fixture.ReadModel.ListDueAsync(Week(newUnit, new DateOnly(2026, 11, 1)), CancellationToken.None));
    }

    [Fact]
    public async Task RebuildAsync_ReadModelRowsDeleted_DueListAndCoverageAreBack()
    {
        var unit = NextUnit();
        await RegisterAsync(unit, Dose("0202", 1, Birth));
        var week = Week(unit, new DateOnly(2026, 11, 1));
        var birthMonth = new CoverageQuery(Area.Parse(unit)!, AreaLevel.Unit, Birth, Birth);
        var before = await fixture.ReadModel.ListDueAsync(week, CancellationToken.None);
        var coverageBefore = await fixture.ReadModel.CoverageAsync(birthMonth, CancellationToken.None);
        await fixture.Database.ExecuteAsync(ScheduleReadModelSql.DeleteAll(fixture.Database.Kind));
        Assert.Empty(await fixture.ReadModel.ListDueAsync(week, CancellationToken.None));
        Assert.Empty(await fixture.ReadModel.CoverageAsync(birthMonth, CancellationToken.None));

        var rebuilt = await fixture.Rebuilder.RebuildAsync(new DateOnly(2026, 12, 4), CancellationToken.None);

        Assert.True(rebuilt >= 1);
        Assert.Equal(before, await fixture.ReadModel.ListDueAsync(week, CancellationToken.None));
        Assert.Contains(coverageBefore, row => row is { Series: "HepB", Dose: 1, Vaccinated: 1 });
        Assert.Equal(Sorted(coverageBefore), Sorted(await fixture.ReadModel.CoverageAsync(birthMonth, CancellationToken.None)));
    }

    private static CoverageRow[] Sorted(IEnumerable<CoverageRow> rows) =>
        [.. rows.OrderBy(row => row.Series, StringComparer.Ordinal).ThenBy(row => row.Dose).ThenBy(row => row.Residence)];

    private static DueListQuery Week(string unit, DateOnly from) =>
        new(Area.Parse(unit)!, from, from.AddDays(6), IncludeOutstanding: false, PageSize: 100, After: null);

    // A unit of its own per test: the tests share one database.
    private static string NextUnit() => "420102" + (1000 + Interlocked.Increment(ref _units)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> RegisterAsync(string unit, params DoseReport[] doses)
    {
        var child = fixture.NextChild();
        var registration = ClusterFixture.RegistrationOf(child);
        registration = registration with
        {
            Demographics = registration.Demographics with { BirthDate = Birth, BirthTime = null, ManagingUnit = unit, HouseholdRegion = "420102" },
        };
        var outcome = await fixture.NewDirectory().RegisterAsync(
            ClusterFixture.Register("maternity", Guid.NewGuid().ToString("N"), registration, doses));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Issues.Select(issue => issue.Message)));
        return outcome.HubId;
    }

    private static DoseReport Dose(string vaccine, int number, DateOnly date) => new(
        new Dose(vaccine, number, date, "L1", null, null, null, "4201020001", Route.Intramuscular, Site.LeftUpperArm, null, VaccinationKind.Routine),
        null);
}

public sealed class SqliteScheduleReadModelStorageTests(SqliteRecordStorageFixture fixture)
    : ScheduleReadModelStorageTests(fixture), IClassFixture<SqliteRecordStorageFixture>;

public sealed class PostgreSqlScheduleReadModelStorageTests(PostgreSqlRecordStorageFixture fixture)
    : ScheduleReadModelStorageTests(fixture), IClassFixture<PostgreSqlRecordStorageFixture>;
