using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;
using static Exchange.Adapters.Tests.Schedule.ScheduleTestData;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>Catch-up rules of facts §1.4 and the substitutions of §1.5 that go beyond the routine table.</summary>
public class CatchUpRulesTests
{
    // Born 2016-01-31: 6 years old on 2022-01-31, 7 on 2023-01-31; assessments before 2025 use the 2021 edition.
    private static readonly DateOnly SixYears = new(2022, 1, 31);

    [Fact]
    public void Assess_SixYearsWithOneDTaP_CompletesToThreeWithDT()
    {
        var assessment = Assess(Doses("0402:P3M"), new DateOnly(2023, 6, 1));

        Next(assessment, "DTaP", ForecastStatus.Due, 2, "0601", SixYears);
    }

    [Fact]
    public void Assess_OneDTaPThenTwoDTAtSevenYears_DTaPAndDTComplete()
    {
        // Three doses in all, the last DT 6 months after the one before (facts §1.4: DT course 0, 1-2, 6-12 months).
        GivenDose[] history = [.. Doses("0402:P3M"), new("0601", new(2023, 6, 1), "dt1"), new("0601", new(2023, 12, 1), "dt2")];

        var assessment = Assess(history, new DateOnly(2024, 6, 1));

        Assert.Equal("nip-2021", assessment.RuleSetId);
        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "DTaP").Status);
        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "DT").Status);
        Assert.All(assessment.Evaluations.Where(e => e.SeriesId == "DTaP"), e => Assert.Equal(DoseStatus.Valid, e.Status));
    }

    [Fact]
    public void Assess_ThreeDTaPOnlyAtSix_NoFourthDTaPAndDTSixMonthsAfterDose3()
    {
        var assessment = Assess(Doses("0402:P3M", "0402:P4M", "0402:P5M"), new DateOnly(2022, 3, 1));

        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "DTaP").Status);
        Next(assessment, "DT", ForecastStatus.Due, 1, "0601", SixYears);
    }

    [Fact]
    public void Assess_FourDTaPLate_DTTwelveMonthsAfterDose4()
    {
        var assessment = Assess(Doses("0402:P3M", "0402:P4M", "0402:P5M", "0402:P70M"), new DateOnly(2022, 3, 1));

        Next(assessment, "DT", ForecastStatus.NotYetDue, 1, "0601", new DateOnly(2022, 11, 30));
    }

    [Fact]
    public void Assess_DTGivenAtSixBefore2025_CountsAsThe2025SixYearDose()
    {
        var assessment = Assess(Doses("0402:P3M", "0402:P4M", "0402:P5M", "0402:P18M", "0601:P73M"), new DateOnly(2025, 6, 1));

        Assert.Equal("nip-2025-dtap", assessment.RuleSetId);
        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "DTaP").Status);
    }

    [Fact]
    public void Assess_ConjugateAtThreeAndFourMonths_CountsAsMenADoses()
    {
        var birth = new DateOnly(2024, 1, 10);
        GivenDose[] history = [new("1702", new(2024, 4, 10), "c1"), new("1702", new(2024, 5, 10), "c2")];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2024, 8, 1));

        Assert.Equal([1, 2], assessment.Evaluations.Where(e => e.SeriesId == "Men" && e.Status == DoseStatus.Valid).Select(e => e.DoseNumber!.Value));
        Next(assessment, "Men", ForecastStatus.NotYetDue, 3, "1701", new DateOnly(2027, 1, 10));
    }

    [Fact]
    public void Assess_ConjugateAtThreeYearsWithoutMenA_CountsAsMpsvAcDose3()
    {
        var birth = new DateOnly(2021, 6, 1);
        GivenDose[] history = [new("1702", new(2024, 6, 1), "c")];

        var assessment = Assess(birth, Sex.Female, history, new DateOnly(2024, 7, 1));

        var evaluation = EvaluationOf(assessment, "Men", "c");
        Assert.Equal((DoseStatus.Valid, 3), (evaluation.Status, evaluation.DoseNumber));
        Next(assessment, "Men", ForecastStatus.NotYetDue, 4, "1701", new DateOnly(2027, 6, 1));
    }

    [Fact]
    public void Assess_AcywPolysaccharideAtThreeAndSixYears_CountsAsMpsvAcDoses()
    {
        var assessment = Assess(Doses("1601:P6M", "1601:P9M", "1703:P36M", "1703:P72M"), new DateOnly(2023, 1, 1));

        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "Men").Status);
        Assert.All(assessment.Evaluations.Where(e => e.SeriesId == "Men"), e => Assert.Equal(DoseStatus.Valid, e.Status));
    }

    [Fact]
    public void Assess_MrThenMmrBornBefore2019Oct_MmrComplete()
    {
        var birth = new DateOnly(2018, 3, 1);
        GivenDose[] history = [new("1401", birth.AddMonths(8), "mr"), new("1201", birth.AddMonths(18), "mmr")];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2021, 6, 1));

        Assert.Equal(ForecastStatus.Complete, Forecast(assessment, "MMR").Status);
    }

    [Fact]
    public void Assess_MrBornAfter2019Oct_NotCountedAndMmrDose1Forecast()
    {
        var birth = new DateOnly(2020, 3, 1);
        GivenDose[] history = [new("1401", birth.AddMonths(8), "mr")];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2021, 6, 1));

        Assert.Equal(DoseStatus.NotCounted, EvaluationOf(assessment, "MMR", "mr").Status);
        // 28 days after the MR, an injectable live vaccine given on another day.
        Next(assessment, "MMR", ForecastStatus.Overdue, 1, "1201", birth.AddMonths(8).AddDays(28));
    }

    [Fact]
    public void Assess_TwoMrBornBefore2019Oct_SecondDoseMustBeMmr()
    {
        var birth = new DateOnly(2018, 3, 1);
        GivenDose[] history = [new("1401", birth.AddMonths(8), "mr1"), new("1401", birth.AddMonths(18), "mr2")];

        var assessment = Assess(birth, Sex.Male, history, new DateOnly(2021, 6, 1));

        Assert.Equal(DoseStatus.NotCounted, EvaluationOf(assessment, "MMR", "mr2").Status);
        Assert.Equal((ForecastStatus.Overdue, 2, "1201"), (Forecast(assessment, "MMR").Status, Forecast(assessment, "MMR").NextDose, Forecast(assessment, "MMR").Product));
    }

    private static void Next(ScheduleAssessment assessment, string series, ForecastStatus status, int dose, string product, DateOnly earliest)
    {
        var forecast = Forecast(assessment, series);
        Assert.Equal((status, dose, product, earliest), (forecast.Status, forecast.NextDose!.Value, forecast.Product!, forecast.Earliest!.Value));
    }
}
