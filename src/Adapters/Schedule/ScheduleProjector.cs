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
        // The projection stores dates and statuses only: no reasons are written.
        var assessment = library.Assess(child, today, explain: false);
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
        for (var f = 0; f < current.Forecasts.Count; f++)
        {
            var first = current.Forecasts[f];
            var forecast = first;
            for (var i = 0; i < MaxChainedEntries && forecast is { NextDose: { } dose, Earliest: { } earliest, Latest: { } latest }; i++)
            {
                entries.Add(new ProjectedDue(forecast.SeriesId, dose, forecast.Product!, earliest, forecast.Recommended ?? earliest, forecast.Overdue, latest));
                if (!SkippedAt(library, forecast.SeriesId, dose, child, latest, current.RuleSetId))
                {
                    break;
                }

                // The dose is skipped from this age: what the series forecasts once it is skipped is due next.
                forecast = library.Assess(child, latest, explain: false) is { Succeeded: true } later ? later.Value.ForSeries(forecast.SeriesId) : null;
            }
        }

        return entries;
    }

    private static bool SkippedAt(ScheduleLibrary library, string seriesId, int dose, ScheduleSubject child, DateOnly latest, string ruleSetId)
    {
        return library.Index.Find(library.Index.RuleSet(ruleSetId), seriesId, dose) is { Rule.SkipFrom: { } skip } && child.DateAtAge(skip) == latest;
    }

    /// <summary>
    /// One fact per scheduled dose. Each dose is taken from the rule set in force on the day the child reaches its age
    /// (judged by the newest set that has the dose), so the DT dose at 6 years counts for children who were 6 before
    /// 2025 and DTaP dose 5 for those who are 6 after. A series an older set defines like the current one is not
    /// evaluated twice; for the others only the series concerned (and those they refer to) are evaluated again.
    /// </summary>
    private static List<ProjectedDose> DoseFacts(ScheduleLibrary library, ScheduleSubject child, ScheduleAssessment current, DateOnly today)
    {
        var currentRules = library.Index.RuleSet(current.RuleSetId);
        var owned = new List<(ScheduleRuleSet Rules, DoseRule Rule, string Series)>(library.Index.ScheduledDoses.Count);
        // Rule sets are the library's own instances: compared by reference, not as records (field by field, lists and all).
        var reevaluate = new Dictionary<ScheduleRuleSet, HashSet<string>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < library.Index.ScheduledDoses.Count; i++)
        {
            var (seriesId, number) = library.Index.ScheduledDoses[i];
            if (Owner(library, child, seriesId, number) is not var (rules, series, rule) || !Applies(child, current, series))
            {
                continue;
            }

            var judgedBy = library.Index.EvaluatesAlike(rules, currentRules, seriesId) ? currentRules : rules;
            if (!ReferenceEquals(judgedBy, currentRules))
            {
                if (!reevaluate.TryGetValue(judgedBy, out var needed))
                {
                    reevaluate[judgedBy] = needed = new HashSet<string>(StringComparer.Ordinal);
                }

                needed.UnionWith(library.Index.Dependencies(judgedBy, seriesId));
            }

            owned.Add((judgedBy, rule, seriesId));
        }

        var validDoses = new Dictionary<ScheduleRuleSet, Dictionary<(string, int), DoseEvaluation>>(ReferenceEqualityComparer.Instance)
        {
            [currentRules] = FirstValid(current.Evaluations, current.Evaluations.Count),
        };
        foreach (var (rules, series) in reevaluate)
        {
            var histories = DoseEvaluator.EvaluateSeries(rules, child, today, library.InForceWhenGiven, series, explain: false);
            validDoses[rules] = FirstValid(histories.SelectMany(h => h.Evaluations), histories.Sum(h => h.Evaluations.Count));
        }

        var facts = new List<ProjectedDose>(owned.Count);
        foreach (var (rules, rule, seriesId) in owned)
        {
            var given = validDoses[rules].GetValueOrDefault((seriesId, rule.Number));
            facts.Add(new ProjectedDose(
                seriesId,
                rule.Number,
                child.DateAtAge(rule.MinimumAge),
                given?.Dose.Date,
                given?.Timeliness == Timeliness.Timely,
                given is not null && given.Dose.Date >= child.DateAtAge(SevenYears)));
        }

        return facts;
    }

    private static Dictionary<(string, int), DoseEvaluation> FirstValid(IEnumerable<DoseEvaluation> evaluations, int count)
    {
        var valid = new Dictionary<(string, int), DoseEvaluation>(count);
        foreach (var evaluation in evaluations)
        {
            if (evaluation is { Status: DoseStatus.Valid, DoseNumber: { } number })
            {
                valid.TryAdd((evaluation.SeriesId, number), evaluation);
            }
        }

        return valid;
    }

    private static (ScheduleRuleSet Rules, Series Series, DoseRule Rule)? Owner(ScheduleLibrary library, ScheduleSubject child, string seriesId, int number)
    {
        var reached = child.DateAtAge(library.Index.Newest(seriesId, number).MinimumAge);
        return library.InForceWhenGiven(reached) is { } inForce ? library.Index.Find(inForce, seriesId, number) : null;
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
