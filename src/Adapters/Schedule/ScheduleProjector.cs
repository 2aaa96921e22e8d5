namespace Exchange.Adapters.Schedule;

/// <summary>Computes a child's <see cref="ScheduleProjection"/> from the rule sets of a <see cref="ScheduleLibrary"/>.</summary>
public static class ScheduleProjector
{
    // A series can skip a dose at an age more than once in a row only in theory; this bounds the chain.
    private const int MaxChainedEntries = 4;
    private static readonly CalendarSpan SevenYears = CalendarSpan.OfYears(7);

    /// <summary>The projection on <paramref name="today"/>: next doses from the rule set in force today, dose facts per rule set era.</summary>
    public static ScheduleProjection Project(ScheduleLibrary library, ScheduleSubject child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(child);
        var assessment = library.Assess(child, today);
        if (!assessment.Succeeded)
        {
            return ScheduleProjection.Empty(today);
        }

        var current = assessment.Value;
        return new ScheduleProjection(current.RuleSetId, today, DueEntries(library, child, current), DoseFacts(library, child, current, today));
    }

    private static List<ProjectedDue> DueEntries(ScheduleLibrary library, ScheduleSubject child, ScheduleAssessment current)
    {
        var entries = new List<ProjectedDue>();
        foreach (var first in current.Forecasts)
        {
            var forecast = first;
            for (var i = 0; i < MaxChainedEntries && forecast is { NextDose: { } dose, Earliest: { } earliest, Latest: { } latest }; i++)
            {
                entries.Add(new ProjectedDue(forecast.SeriesId, dose, forecast.Product!, earliest, forecast.Recommended ?? earliest, forecast.Overdue, latest));
                if (!SkippedAt(library, forecast.SeriesId, dose, child, latest, current.RuleSetId))
                {
                    break;
                }

                // The dose is skipped from this age: what the series forecasts once it is skipped is due next.
                forecast = library.Assess(child, latest) is { Succeeded: true } later ? later.Value.ForSeries(forecast.SeriesId) : null;
            }
        }

        return entries;
    }

    private static bool SkippedAt(ScheduleLibrary library, string seriesId, int dose, ScheduleSubject child, DateOnly latest, string ruleSetId)
    {
        var rule = library.RuleSets.First(r => r.Id == ruleSetId).Series.First(s => s.Id == seriesId).Doses[dose - 1];
        return rule.SkipFrom is { } skip && child.DateAtAge(skip) == latest;
    }

    /// <summary>
    /// One fact per scheduled dose. Each dose is taken from the rule set in force on the day the child reaches its age
    /// (judged by the newest set that has the dose), so the DT dose at 6 years counts for children who were 6 before
    /// 2025 and DTaP dose 5 for those who are 6 after.
    /// </summary>
    private static List<ProjectedDose> DoseFacts(ScheduleLibrary library, ScheduleSubject child, ScheduleAssessment current, DateOnly today)
    {
        var facts = new List<ProjectedDose>();
        var evaluations = new Dictionary<string, IReadOnlyList<DoseEvaluation>>(StringComparer.Ordinal);
        foreach (var (seriesId, number) in ScheduledDoses(library))
        {
            if (Owner(library, child, seriesId, number) is not var (rules, series, rule) || !Applies(child, current, series))
            {
                continue;
            }

            if (!evaluations.TryGetValue(rules.Id, out var evaluated))
            {
                evaluated = rules.Id == current.RuleSetId
                    ? current.Evaluations
                    : DoseEvaluator.Evaluate(rules, child, today, library.InForceWhenGiven);
                evaluations[rules.Id] = evaluated;
            }

            var given = evaluated.FirstOrDefault(e => e.SeriesId == seriesId && e.DoseNumber == number && e.Status == DoseStatus.Valid);
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

    private static IEnumerable<(string Series, int Dose)> ScheduledDoses(ScheduleLibrary library) =>
        library.RuleSets.SelectMany(r => r.Series.SelectMany(s => s.Doses.Select(d => (s.Id, d.Number)))).Distinct();

    private static (ScheduleRuleSet Rules, Series Series, DoseRule Rule)? Owner(ScheduleLibrary library, ScheduleSubject child, string seriesId, int number)
    {
        var newest = Find(library.RuleSets.Reverse(), seriesId, number);
        if (newest is null)
        {
            return null;
        }

        var reached = child.DateAtAge(newest.Value.Rule.MinimumAge);
        return library.InForceWhenGiven(reached) is { } inForce ? Find([inForce], seriesId, number) : null;
    }

    private static (ScheduleRuleSet Rules, Series Series, DoseRule Rule)? Find(IEnumerable<ScheduleRuleSet> ruleSets, string seriesId, int number)
    {
        foreach (var rules in ruleSets)
        {
            if (rules.Series.FirstOrDefault(s => s.Id == seriesId) is { } series && series.Doses.FirstOrDefault(d => d.Number == number) is { } rule)
            {
                return (rules, series, rule);
            }
        }

        return null;
    }

    // Sex and birth cohort decide eligibility; of alternative series (JE-L / JE-I) only the one followed counts.
    private static bool Applies(ScheduleSubject child, ScheduleAssessment current, Series series)
    {
        if (SeriesEligibility.Check(series, child) is not null)
        {
            return false;
        }

        return current.ForSeries(series.Id) is not { Status: ForecastStatus.NotApplicable };
    }
}
