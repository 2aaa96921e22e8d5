using Exchange.Adapters.Schedule;
using static Exchange.Adapters.Tests.Schedule.ScheduleTestData;

namespace Exchange.Adapters.Tests.Schedule;

public class DoseEvaluatorTests
{
    public static TheoryData<string, int> EveryDose2021()
    {
        var data = new TheoryData<string, int>();
        foreach (var row in Table2021)
        {
            data.Add(row.Series, row.Dose);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDose2021))]
    public void Evaluate_OnScheduleDose_ValidAndTimely(string series, int dose)
    {
        var assessment = Assess(OnSchedule(UsesInactivated(series)), SevenYears);

        var evaluation = EvaluationOf(assessment, series, Id(series, dose));

        Assert.Equal("nip-2021", assessment.RuleSetId);
        Assert.Equal(DoseStatus.Valid, evaluation.Status);
        Assert.Equal(Timeliness.Timely, evaluation.Timeliness);
        Assert.Equal(dose, evaluation.DoseNumber);
    }

    [Theory]
    [InlineData("HepB", 2, 1)]
    [InlineData("HepB", 3, 6)]
    [InlineData("Polio", 1, 2)]
    [InlineData("Polio", 2, 3)]
    [InlineData("Polio", 3, 4)]
    [InlineData("Polio", 4, 48)]
    [InlineData("DTaP", 1, 3)]
    [InlineData("DTaP", 2, 4)]
    [InlineData("DTaP", 3, 5)]
    [InlineData("DTaP", 4, 18)]
    [InlineData("DT", 1, 72)]
    [InlineData("MMR", 1, 8)]
    [InlineData("MMR", 2, 18)]
    [InlineData("JE-L", 1, 8)]
    [InlineData("JE-L", 2, 24)]
    [InlineData("JE-I", 1, 8)]
    [InlineData("JE-I", 2, 8)]
    [InlineData("JE-I", 3, 24)]
    [InlineData("JE-I", 4, 72)]
    [InlineData("Men", 1, 6)]
    [InlineData("Men", 2, 9)]
    [InlineData("Men", 3, 36)]
    [InlineData("Men", 4, 72)]
    [InlineData("HepA-L", 1, 18)]
    [InlineData("HepA-I", 1, 18)]
    [InlineData("HepA-I", 2, 24)]
    public void Evaluate_OneDayBeforeMinimumAge_TooEarly(string series, int dose, int minimumMonths)
    {
        var history = OnSchedule(UsesInactivated(series));
        var index = history.FindIndex(d => d.EventId == Id(series, dose));
        history[index] = history[index] with { Date = Birth.AddMonths(minimumMonths).AddDays(-1) };

        var evaluation = EvaluationOf(Assess(history, SevenYears), series, Id(series, dose));

        Assert.Equal(DoseStatus.TooEarly, evaluation.Status);
        Assert.Contains("minimum age", evaluation.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HepB", new[] { "0202:P10D", "0202:P1M" })]
    [InlineData("HepB", new[] { "0202:P0D", "0202:P5M", "0202:P6M" })]
    [InlineData("HepB", new[] { "0202:P3M", "0202:P4M", "0202:P6M1D" })]
    [InlineData("Polio", new[] { "0303:P2M10D", "0303:P3M" })]
    [InlineData("Polio", new[] { "0303:P2M", "0303:P3M15D", "0311:P4M" })]
    [InlineData("Polio", new[] { "0303:P2M", "0303:P3M", "0311:P47M20D", "0311:P48M" })]
    [InlineData("DTaP", new[] { "0402:P3M10D", "0402:P4M" })]
    [InlineData("DTaP", new[] { "0402:P3M", "0402:P4M10D", "0402:P5M" })]
    [InlineData("DTaP", new[] { "0402:P3M", "0402:P4M", "0402:P13M", "0402:P18M" })]
    [InlineData("DT", new[] { "0402:P3M", "0402:P4M", "0402:P5M", "0402:P66M", "0601:P72M" })]
    [InlineData("MMR", new[] { "1201:P17M15D", "1201:P18M" })]
    [InlineData("JE-L", new[] { "1801:P13M", "1801:P24M" })]
    [InlineData("JE-I", new[] { "1802:P8M", "1802:P8M5D" })]
    [InlineData("JE-I", new[] { "1802:P8M", "1802:P8M7D", "1802:P48M", "1802:P72M" })]
    [InlineData("Men", new[] { "1601:P7M", "1601:P9M" })]
    [InlineData("Men", new[] { "1601:P6M", "1601:P9M", "1701:P50M", "1701:P72M" })]
    [InlineData("HepA-I", new[] { "1903:P20M", "1903:P24M" })]
    public void Evaluate_IntervalTooShort_LastDoseFlagged(string series, string[] doses)
    {
        var history = Doses(doses);

        var assessment = Assess(history, SevenYears);

        var last = EvaluationOf(assessment, series, history[^1].EventId!);
        Assert.Equal(DoseStatus.IntervalTooShort, last.Status);
        Assert.All(
            assessment.Evaluations.Where(e => e.Dose != history[^1]),
            e => Assert.Equal(DoseStatus.Valid, e.Status));
    }

    [Fact]
    public void Evaluate_AfterTimelyAge_ValidButLate()
    {
        var evaluation = Assert.Single(Assess(Doses("1201:P13M"), SevenYears).Evaluations);

        Assert.Equal(DoseStatus.Valid, evaluation.Status);
        Assert.Equal(Timeliness.Late, evaluation.Timeliness);
        Assert.Contains("12 months", evaluation.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0202:P1D", Timeliness.Timely)]
    [InlineData("0202:P2D", Timeliness.Late)]
    public void Evaluate_HepBBirthDose_TimelyUpToBirthDatePlusOneDay(string dose, Timeliness expected)
    {
        var evaluation = Assert.Single(Assess(Doses(dose), SevenYears).Evaluations);

        Assert.Equal(expected, evaluation.Timeliness);
    }

    [Fact]
    public void Evaluate_JeiDose2AfterMaximumInterval_ValidButLate()
    {
        var history = Doses("1802:P8M", "1802:P8M15D");

        var evaluation = EvaluationOf(Assess(history, SevenYears), "JE-I", "d1");

        Assert.Equal(DoseStatus.Valid, evaluation.Status);
        Assert.Equal(Timeliness.Late, evaluation.Timeliness);
    }

    [Fact]
    public void Evaluate_BcgAtFourYears_NotCounted()
    {
        var evaluation = Assert.Single(Assess(Doses("0101:P4Y"), SevenYears).Evaluations);

        Assert.Equal(DoseStatus.NotCounted, evaluation.Status);
        Assert.Contains("4 years", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CombinationVaccine_CountsTowardDTaPAndPolio()
    {
        var history = Doses("5001:P2M", "5001:P3M", "5001:P4M", "5001:P18M");

        var assessment = Assess(history, SevenYears);

        Assert.Equal(3, assessment.Evaluations.Count(e => e.SeriesId == "Polio" && e.Status == DoseStatus.Valid));
        Assert.Equal(3, assessment.Evaluations.Count(e => e.SeriesId == "DTaP" && e.Status == DoseStatus.Valid));
        Assert.Equal(DoseStatus.TooEarly, EvaluationOf(assessment, "DTaP", "d0").Status);
        Assert.Equal(3, EvaluationOf(assessment, "DTaP", "d3").DoseNumber);
    }

    [Fact]
    public void Evaluate_WrongProductForDose_NotCounted()
    {
        var evaluation = Assert.Single(Assess(Doses("0311:P2M"), SevenYears).Evaluations);

        Assert.Equal(DoseStatus.NotCounted, evaluation.Status);
        Assert.Contains("0303", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExtraDose_NotCounted()
    {
        var history = Doses("1901:P18M", "1901:P30M");

        var extra = EvaluationOf(Assess(history, SevenYears), "HepA-L", "d1");

        Assert.Equal(DoseStatus.NotCounted, extra.Status);
    }

    [Fact]
    public void Evaluate_InjectableLiveWithin28DaysOfAnother_IntervalTooShort()
    {
        var birth = new DateOnly(2023, 9, 1);
        var mmr = new GivenDose("1201", new DateOnly(2024, 5, 1), "mmr");
        var jel = new GivenDose("1801", new DateOnly(2024, 5, 28), "jel");
        var bopv = new GivenDose("0311", new DateOnly(2024, 5, 10), "bopv");

        var assessment = Assess(birth, Exchange.Adapters.Model.Sex.Male, [mmr, jel, bopv], new DateOnly(2024, 6, 1));

        var jeEvaluation = EvaluationOf(assessment, "JE-L", "jel");
        Assert.Equal(DoseStatus.IntervalTooShort, jeEvaluation.Status);
        Assert.Contains("live", jeEvaluation.Reason, StringComparison.Ordinal);
        Assert.Equal(DoseStatus.Valid, EvaluationOf(assessment, "MMR", "mmr").Status);
    }

    [Theory]
    [InlineData("2024-05-01", DoseStatus.Valid)]
    [InlineData("2024-05-29", DoseStatus.Valid)]
    [InlineData("2024-05-02", DoseStatus.IntervalTooShort)]
    public void Evaluate_InjectableLiveSameDayOrAfter28Days_Valid(string jeDate, DoseStatus expected)
    {
        var birth = new DateOnly(2023, 9, 1);
        var date = DateOnly.Parse(jeDate, System.Globalization.CultureInfo.InvariantCulture);
        GivenDose[] history = [new("1201", new DateOnly(2024, 5, 1), "mmr"), new("1801", date, "jel")];

        var assessment = Assess(birth, Exchange.Adapters.Model.Sex.Male, history, new DateOnly(2024, 6, 1));

        Assert.Equal(expected, EvaluationOf(assessment, "JE-L", "jel").Status);
    }

    [Fact]
    public void Evaluate_DoseAfterAssessmentDate_Ignored()
    {
        var birth = new DateOnly(2022, 1, 31);
        GivenDose[] history = [new("1201", birth.AddMonths(8))];

        var assessment = Assess(birth, Exchange.Adapters.Model.Sex.Male, history, birth.AddMonths(7));

        Assert.Empty(assessment.Evaluations);
    }
}
