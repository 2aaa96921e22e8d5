using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>The absolute-date projection the due lists and coverage statistics are served from.</summary>
public class ScheduleProjectorTests
{
    private static readonly ScheduleLibrary Library = ScheduleLibrary.Embedded;

    [Fact]
    public void Project_MenAMissingAt17Months_Dose1UntilTwoYearsThenMpsvAcDose3()
    {
        var birth = new DateOnly(2025, 1, 1);

        var projection = ScheduleProjector.Project(Library, new ScheduleSubject(birth, Sex.Male, []), new DateOnly(2026, 6, 1));

        var men = projection.Due.Where(d => d.Series == "Men").ToList();
        Assert.Equal(2, men.Count);
        Assert.Equal((1, "1601", new DateOnly(2027, 1, 1)), (men[0].Dose, men[0].Vaccine, men[0].Latest));
        Assert.Equal((3, "1701", new DateOnly(2028, 1, 1)), (men[1].Dose, men[1].Vaccine, men[1].Earliest));
    }

    [Fact]
    public void Project_Newborn_DueDatesAreAbsoluteAndFactsCoverEveryScheduledDose()
    {
        var birth = new DateOnly(2026, 3, 1);
        GivenDose[] doses = [new("0202", birth), new("0101", birth.AddDays(1))];

        var projection = ScheduleProjector.Project(Library, new ScheduleSubject(birth, Sex.Female, doses), birth.AddDays(2));

        var hepB = Assert.Single(projection.Due, d => d.Series == "HepB");
        Assert.Equal((2, birth.AddMonths(1), new DateOnly(2044, 3, 1)), (hepB.Dose, hepB.Recommended, hepB.Latest));
        Assert.DoesNotContain(projection.Due, d => d.Series == "BCG");
        var bcg = Assert.Single(projection.Doses, d => d.Series == "BCG");
        Assert.Equal((birth, (DateOnly?)birth.AddDays(1), true), (bcg.EligibleFrom, bcg.Given, bcg.Timely));
        Assert.Contains(projection.Doses, d => d.Series == "HPV");
        Assert.DoesNotContain(projection.Doses, d => d.Series is "JE-I" or "HepA-I");
        Assert.DoesNotContain(projection.Doses, d => d.Series == "DT");
    }

    [Fact]
    public void Project_Boy_NoHpvDueNorHpvFacts()
    {
        var projection = ScheduleProjector.Project(Library, new ScheduleSubject(new DateOnly(2013, 1, 1), Sex.Male, []), new DateOnly(2026, 6, 1));

        Assert.DoesNotContain(projection.Due, d => d.Series == "HPV");
        Assert.DoesNotContain(projection.Doses, d => d.Series == "HPV");
    }

    [Theory]
    [InlineData("2017-06-01", "DT", 1)]
    [InlineData("2019-06-01", "DTaP", 5)]
    public void Project_SixYearDose_TakenFromTheRuleSetInForceWhenTheChildTurnsSix(string birth, string series, int dose)
    {
        var subject = new ScheduleSubject(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Sex.Male, []);

        var projection = ScheduleProjector.Project(Library, subject, new DateOnly(2026, 6, 1));

        var fact = Assert.Single(projection.Doses, d => d.Series == series && d.Dose == dose);
        Assert.Equal(subject.BirthDate.AddMonths(72), fact.EligibleFrom);
        Assert.DoesNotContain(projection.Doses, d => (d.Series, d.Dose) == (series == "DT" ? ("DTaP", 5) : ("DT", 1)));
    }

    [Fact]
    public void Project_CatchUpDoseAtSevenYears_MarkedAsGivenFromSeven()
    {
        var birth = new DateOnly(2018, 1, 1);
        GivenDose[] doses = [new("0202", new DateOnly(2025, 3, 1))];

        var projection = ScheduleProjector.Project(Library, new ScheduleSubject(birth, Sex.Male, doses), new DateOnly(2025, 4, 1));

        var hepB1 = Assert.Single(projection.Doses, d => d.Series == "HepB" && d.Dose == 1);
        Assert.True(hepB1.GivenFromSevenYears);
        Assert.False(hepB1.Timely);
    }
}
