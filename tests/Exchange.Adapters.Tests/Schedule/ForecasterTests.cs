using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;
using static Exchange.Adapters.Tests.Schedule.ScheduleTestData;

namespace Exchange.Adapters.Tests.Schedule;

public class ForecasterTests
{
    [Theory]
    [InlineData(false, "JE-L", "HepA-L", "JE-I", "HepA-I")]
    [InlineData(true, "JE-I", "HepA-I", "JE-L", "HepA-L")]
    public void Assess_OnScheduleChildAtSevenYears_EverySeriesComplete(bool inactivated, string je, string hepA, string otherJe, string otherHepA)
    {
        var assessment = Assess(OnSchedule(inactivated), SevenYears);

        Assert.All(assessment.Evaluations, e => Assert.Equal(DoseStatus.Valid, e.Status));
        foreach (var series in new[] { "HepB", "BCG", "Polio", "DTaP", "DT", "MMR", je, "Men", hepA })
        {
            Assert.Equal(ForecastStatus.Complete, Forecast(assessment, series).Status);
        }

        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, otherJe).Status);
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, otherHepA).Status);
    }

    [Fact]
    public void Assess_ThreeYearOldWithNoDoses_CatchUpNextDoses()
    {
        var birth = new DateOnly(2021, 6, 15);
        var assessedOn = new DateOnly(2024, 6, 15);

        var assessment = Assess(birth, Sex.Male, [], assessedOn);

        Assert.Equal("nip-2021", assessment.RuleSetId);
        AssertNext(assessment, "HepB", ForecastStatus.Overdue, 1, "0202", birth);
        AssertNext(assessment, "BCG", ForecastStatus.Overdue, 1, "0101", birth);
        AssertNext(assessment, "Polio", ForecastStatus.Due, 1, "0303", new DateOnly(2021, 8, 15));
        AssertNext(assessment, "DTaP", ForecastStatus.Due, 1, "0402", new DateOnly(2021, 9, 15));
        AssertNext(assessment, "DT", ForecastStatus.NotYetDue, 1, "0601", new DateOnly(2027, 6, 15));
        AssertNext(assessment, "MMR", ForecastStatus.Overdue, 1, "1201", new DateOnly(2022, 2, 15));
        AssertNext(assessment, "JE-L", ForecastStatus.Overdue, 1, "1801", new DateOnly(2022, 2, 15));
        AssertNext(assessment, "HepA-L", ForecastStatus.Overdue, 1, "1901", new DateOnly(2022, 12, 15));
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "JE-I").Status);
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "HepA-I").Status);

        // Facts §1.4: from 24 months MPSV-A is no longer given; MPSV-AC (meningococcal dose 3) follows.
        AssertNext(assessment, "Men", ForecastStatus.Due, 3, "1701", new DateOnly(2024, 6, 15));
        Assert.Contains("PPD", Forecast(assessment, "BCG").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_HepBDose3_EarliestFromBothIntervals()
    {
        var birth = new DateOnly(2022, 1, 1);
        GivenDose[] history = [new("0202", new DateOnly(2022, 5, 1)), new("0202", new DateOnly(2022, 6, 15))];

        var assessment = Assess(birth, Sex.Female, history, new DateOnly(2022, 7, 1));

        // max(6 months = 2022-07-01, dose 2 + 60 days = 2022-08-14, dose 1 + 4 months = 2022-09-01)
        AssertNext(assessment, "HepB", ForecastStatus.NotYetDue, 3, "0202", new DateOnly(2022, 9, 1));
        Assert.Equal(new DateOnly(2023, 1, 1), Forecast(assessment, "HepB").Overdue);
    }

    [Fact]
    public void Assess_PartialPolio_ContinuesWithoutRestarting()
    {
        var birth = new DateOnly(2021, 6, 15);
        GivenDose[] history = [new("0303", new DateOnly(2021, 8, 15))];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2024, 6, 15));

        AssertNext(assessment, "Polio", ForecastStatus.Due, 2, "0303", new DateOnly(2021, 9, 15));
    }

    [Fact]
    public void Assess_MenADose1Before24Months_MpsvAcThreeMonthsLater()
    {
        var birth = new DateOnly(2021, 6, 15);
        GivenDose[] history = [new("1601", new DateOnly(2023, 5, 1))];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2024, 7, 1));

        AssertNext(assessment, "Men", ForecastStatus.Due, 3, "1701", new DateOnly(2024, 6, 15));
    }

    [Theory]
    [InlineData("2024-05-09", ForecastStatus.Overdue)]
    [InlineData("2024-05-10", ForecastStatus.NoLongerRecommended)]
    public void Assess_BcgMissing_RefusedFromFourYears(string assessedOn, ForecastStatus expected)
    {
        var date = DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = Assess(new DateOnly(2020, 5, 10), Sex.Female, [], date);

        Assert.Equal(expected, Forecast(assessment, "BCG").Status);
    }

    [Fact]
    public void Assess_TwoDosesOfJeL_CompleteAndJeINotApplicable()
    {
        var assessment = Assess(Doses("1801:P8M", "1801:P24M"), SevenYears);

        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "JE-L").Status);
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "JE-I").Status);
    }

    [Fact]
    public void Assess_StartedJeI_ContinuesJeI()
    {
        var birth = new DateOnly(2022, 1, 31);
        var dose1 = birth.AddMonths(8);

        var assessment = Assess(birth, Sex.Male, [new GivenDose("1802", dose1)], dose1.AddDays(3));

        var forecast = Forecast(assessment, "JE-I");
        Assert.Equal(ForecastStatus.NotYetDue, forecast.Status);
        Assert.Equal(2, forecast.NextDose);
        Assert.Equal(dose1.AddDays(7), forecast.Earliest);
        Assert.Equal(dose1.AddDays(11), forecast.Overdue);
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "JE-L").Status);
        Assert.Contains("JE-I", Forecast(assessment, "JE-L").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OneDoseOfHepAL_Complete()
    {
        var assessment = Assess(Doses("1901:P18M"), SevenYears);

        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "HepA-L").Status);
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "HepA-I").Status);
    }

    [Fact]
    public void Assess_StartedHepAI_SecondDoseSixMonthsLater()
    {
        var birth = new DateOnly(2022, 1, 31);
        var dose1 = birth.AddMonths(20);

        var assessment = Assess(birth, Sex.Male, [new GivenDose("1903", dose1)], birth.AddMonths(21));

        AssertNext(assessment, "HepA-I", ForecastStatus.NotYetDue, 2, "1903", dose1.AddMonths(6));
        Assert.Equal(ForecastStatus.NotApplicable, Forecast(assessment, "HepA-L").Status);
    }

    [Fact]
    public void Assess_DTaPChange_SameChildBeforeAndAfter2025()
    {
        var birth = new DateOnly(2019, 3, 1);
        GivenDose[] history =
        [
            new("0402", new DateOnly(2019, 6, 1)),
            new("0402", new DateOnly(2019, 7, 1)),
            new("0402", new DateOnly(2019, 8, 1)),
            new("0402", new DateOnly(2020, 9, 1)),
        ];

        var before = Assess(birth, Sex.Male, history, new DateOnly(2024, 12, 31));
        var after = Assess(birth, Sex.Male, history, new DateOnly(2025, 3, 2));

        Assert.Equal("nip-2021", before.RuleSetId);
        Assert.Equal(ForecastStatus.Complete, Forecast(before, "DTaP").Status);
        AssertNext(before, "DT", ForecastStatus.NotYetDue, 1, "0601", new DateOnly(2025, 3, 1));
        Assert.Equal("nip-2025-dtap", after.RuleSetId);
        Assert.Null(after.ForSeries("DT"));
        AssertNext(after, "DTaP", ForecastStatus.Due, 5, "0402", new DateOnly(2025, 3, 1));
        Assert.All(after.Evaluations, e => Assert.Equal(DoseStatus.Valid, e.Status));
    }

    [Fact]
    public void Assess_DoseBelowNewMinimumAgeGivenAfter2025_TooEarly()
    {
        // DTaP dose 3 at 5 months was valid under the 2021 edition; given in 2025 it is below the new 6-month minimum.
        var birth = new DateOnly(2025, 1, 10);
        GivenDose[] history =
        [
            new("0402", new DateOnly(2025, 3, 10)),
            new("0402", new DateOnly(2025, 5, 10)),
            new("0402", new DateOnly(2025, 6, 10)),
        ];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2025, 7, 1));

        Assert.Equal(DoseStatus.TooEarly, assessment.Evaluations[2].Status);
    }

    [Fact]
    public void Assess_2025Schedule_DTaPFromTwoMonths()
    {
        var birth = new DateOnly(2025, 1, 10);

        var assessment = Assess(birth, Sex.Female, [], new DateOnly(2025, 3, 10));

        AssertNext(assessment, "DTaP", ForecastStatus.Due, 1, "0402", new DateOnly(2025, 3, 10));
    }

    [Theory]
    [InlineData("2012-01-01", Sex.Female, ForecastStatus.Due)]
    [InlineData("2012-01-01", Sex.Male, ForecastStatus.NotApplicable)]
    [InlineData("2011-06-01", Sex.Female, ForecastStatus.NotApplicable)]
    [InlineData("2011-11-10", Sex.Female, ForecastStatus.Due)]
    public void Assess_Hpv_GirlsBornFrom20111110(string birth, Sex sex, ForecastStatus expected)
    {
        var born = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = Assess(born, sex, [], new DateOnly(2025, 12, 1));

        var forecast = Forecast(assessment, "HPV");
        Assert.Equal(expected, forecast.Status);
        if (expected == ForecastStatus.Due)
        {
            Assert.Equal(1, forecast.NextDose);
            Assert.Equal("5501", forecast.Product);
            Assert.Equal(born.AddYears(13), forecast.Earliest);
        }
    }

    [Fact]
    public void Assess_HpvBeforeProgramme_NoHpvSeries()
    {
        var assessment = Assess(new DateOnly(2012, 1, 1), Sex.Female, [], new DateOnly(2025, 11, 9));

        Assert.Null(assessment.ForSeries("HPV"));
    }

    [Fact]
    public void Assess_HpvDose2_SixMonthsAfterDose1()
    {
        GivenDose[] history = [new("5501", new DateOnly(2025, 12, 1))];

        var assessment = Assess(new DateOnly(2012, 1, 1), Sex.Female, history, new DateOnly(2026, 1, 1));

        AssertNext(assessment, "HPV", ForecastStatus.NotYetDue, 2, "5501", new DateOnly(2026, 6, 1));
    }

    [Theory]
    [InlineData("2024-05-10", "2024-05-29")]
    [InlineData("2024-05-01", "2024-05-01")]
    public void Assess_LiveSpacing_JeLNotBefore28DaysAfterMmrUnlessSameDay(string assessedOn, string expectedEarliest)
    {
        var birth = new DateOnly(2023, 9, 1);
        GivenDose[] history = [new("1201", new DateOnly(2024, 5, 1))];

        var assessment = Assess(birth, Sex.Male, history, DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expectedEarliest, System.Globalization.CultureInfo.InvariantCulture), Forecast(assessment, "JE-L").Earliest);
    }

    [Fact]
    public void Assess_LiveSpacing_DoesNotDelayInactivatedOrOral()
    {
        var birth = new DateOnly(2023, 9, 1);
        GivenDose[] history = [new("1201", new DateOnly(2024, 5, 1)), new("0303", new DateOnly(2023, 11, 1)), new("0303", new DateOnly(2023, 12, 1))];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2024, 5, 10));

        Assert.Equal(new DateOnly(2024, 1, 1), Forecast(assessment, "Polio").Earliest);
        Assert.Equal(new DateOnly(2024, 3, 1), Forecast(assessment, "Men").Earliest);
    }

    [Fact]
    public void Assess_EighteenYearsOld_NoLongerRecommended()
    {
        var assessment = Assess(new DateOnly(2007, 1, 1), Sex.Male, [], new DateOnly(2025, 1, 1));

        Assert.All(assessment.Forecasts.Where(f => f.Status != ForecastStatus.NotApplicable),
            f => Assert.Equal(ForecastStatus.NoLongerRecommended, f.Status));
    }

    private static void AssertNext(ScheduleAssessment assessment, string series, ForecastStatus status, int dose, string product, DateOnly earliest)
    {
        var forecast = Forecast(assessment, series);
        Assert.Equal(status, forecast.Status);
        Assert.Equal(dose, forecast.NextDose);
        Assert.Equal(product, forecast.Product);
        Assert.Equal(earliest, forecast.Earliest);
        Assert.True(forecast.Recommended >= forecast.Earliest);
    }
}
