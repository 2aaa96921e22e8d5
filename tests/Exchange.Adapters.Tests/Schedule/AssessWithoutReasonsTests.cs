using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;
using Exchange.Testing.Synthetic;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>
/// The projection stored with every write assesses without writing reasons; apart from the reasons, its assessment
/// must be the one a clinic's forecast call gets, early, late and missing doses included.
/// </summary>
public class AssessWithoutReasonsTests
{
    private static readonly ScheduleLibrary Library = ScheduleLibrary.Embedded;

    [Theory]
    [InlineData(2024, 12, 1)]
    [InlineData(2026, 12, 1)]
    public void Assess_WithoutReasons_SameEvaluationsAndForecastsWithEmptyReasons(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var population = new SyntheticPopulation(seed: year * 100 + month + 7, today);
        var random = new Random(year);
        foreach (var synthetic in population.Children(300))
        {
            var child = new ScheduleSubject(synthetic.BirthDate, synthetic.IsMale ? Sex.Male : Sex.Female, [.. synthetic.Doses
                .Where(_ => random.Next(6) > 0)
                .Select(d => new GivenDose(d.VaccineCode, Max(synthetic.BirthDate, d.Date.AddDays(random.Next(-45, 46)))))]);

            var explained = Library.Assess(child, today).Value;
            var plain = Library.Assess(child, today, explain: false).Value;

            // Only eligibility reasons (a series for girls, a birth cohort) are written either way: they decide the status.
            Assert.Equal(explained.Evaluations.Select(e => e with { Reason = string.Empty }), plain.Evaluations.Select(e => e with { Reason = string.Empty }));
            Assert.Equal(explained.Forecasts.Select(f => f with { Reason = string.Empty }), plain.Forecasts.Select(f => f with { Reason = string.Empty }));
            Assert.All(explained.Evaluations.Zip(plain.Evaluations), pair => Assert.Contains(pair.Second.Reason, new[] { string.Empty, pair.First.Reason }));
            Assert.All(plain.Evaluations.Where(e => e.Status != DoseStatus.NotCounted), e => Assert.Empty(e.Reason));
            Assert.All(plain.Forecasts.Where(f => f.Status != ForecastStatus.NotApplicable), f => Assert.Empty(f.Reason));
            Assert.All(explained.Evaluations, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
