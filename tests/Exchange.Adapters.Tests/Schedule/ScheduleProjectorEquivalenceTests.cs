using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;
using Exchange.Testing.Synthetic;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>
/// The projection skips evaluating a series twice where two editions define it alike; its dose facts must equal those
/// of judging every dose plainly by the full rule set that owns it, for children on both sides of the 2025 changes.
/// </summary>
public class ScheduleProjectorEquivalenceTests
{
    private static readonly ScheduleLibrary Library = ScheduleLibrary.Embedded;
    private static readonly CalendarSpan SevenYears = CalendarSpan.OfYears(7);

    [Theory]
    [InlineData(2024, 12, 1)]
    [InlineData(2025, 6, 1)]
    [InlineData(2026, 12, 1)]
    public void Project_SyntheticChildren_DoseFactsEqualFullEvaluationByOwningRuleSet(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var population = new SyntheticPopulation(seed: year * 100 + month, today);
        var random = new Random(year + month);
        foreach (var child in population.Children(400).Select(c => Subject(c, random)))
        {
            var projection = ScheduleProjector.Project(Library, child, today);

            Assert.Equal(PlainDoseFacts(child, today), projection.Doses);
        }
    }

    // Doses moved up to two months early or one late, and some left out, so that early doses, short intervals and
    // catch-up doses reach the rules where the editions differ.
    private static ScheduleSubject Subject(SyntheticChild child, Random random) =>
        new(child.BirthDate, child.IsMale ? Sex.Male : Sex.Female, [.. child.Doses
            .Where(_ => random.Next(8) > 0)
            .Select(d => new GivenDose(d.VaccineCode, Later(child.BirthDate, d.Date.AddDays(random.Next(-60, 31)))))]);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    // The straightforward rule: each scheduled dose judged by a full evaluation under the rule set in force when the
    // child reached the age the newest edition gives it.
    private static List<ProjectedDose> PlainDoseFacts(ScheduleSubject child, DateOnly today)
    {
        var current = Library.Assess(child, today).Value;
        var facts = new List<ProjectedDose>();
        var scheduled = Library.RuleSets.SelectMany(r => r.Series.SelectMany(s => s.Doses.Select(d => (s.Id, d.Number)))).Distinct();
        foreach (var (seriesId, number) in scheduled)
        {
            var newest = Library.RuleSets.Reverse().Select(r => Rule(r, seriesId, number)).First(r => r is not null)!;
            var owner = Library.RuleSets.LastOrDefault(r => r.EffectiveFrom <= child.DateAtAge(newest.Value.Rule.MinimumAge)) ?? Library.RuleSets[0];
            if (Rule(owner, seriesId, number) is not var (series, rule)
                || (series.Sex is { } sex && sex != child.Sex)
                || (series.BornOnOrAfter is { } cohort && child.BirthDate < cohort)
                || current.ForSeries(seriesId) is { Status: ForecastStatus.NotApplicable })
            {
                continue;
            }

            var given = DoseEvaluator.Evaluate(owner, child, today, date => Library.RuleSets.LastOrDefault(r => r.EffectiveFrom <= date) ?? Library.RuleSets[0])
                .FirstOrDefault(e => e.SeriesId == seriesId && e.DoseNumber == number && e.Status == DoseStatus.Valid);
            facts.Add(new ProjectedDose(
                seriesId,
                number,
                child.DateAtAge(rule.MinimumAge),
                given?.Dose.Date,
                given?.Timeliness == Timeliness.Timely,
                given is not null && given.Dose.Date >= child.DateAtAge(SevenYears)));
        }

        return facts;
    }

    private static (Series Series, DoseRule Rule)? Rule(ScheduleRuleSet rules, string seriesId, int number) =>
        rules.Series.FirstOrDefault(s => s.Id == seriesId) is { } series && series.Doses.FirstOrDefault(d => d.Number == number) is { } rule
            ? (series, rule)
            : null;
}
