namespace Exchange.Adapters.Schedule;

/// <summary>
/// Forecasts, per series, the next dose with its earliest, recommended and overdue dates, or reports the series
/// complete, no longer recommended or not applicable.
/// </summary>
public static class Forecaster
{
    /// <summary>Evaluates the recorded doses and forecasts every series of <paramref name="rules"/> for <paramref name="assessedOn"/>.</summary>
    /// <param name="ruleSetOn">The rule set in force on a date, so doses valid when given stay valid (see <see cref="DoseEvaluator.Evaluate"/>).</param>
    public static ScheduleAssessment Assess(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        Func<DateOnly, ScheduleRuleSet?>? ruleSetOn = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(child);
        var histories = DoseEvaluator.EvaluateSeries(rules, child, assessedOn, ruleSetOn);
        var liveDates = child.Doses
            .Where(d => d.Date <= assessedOn && rules.IsInjectableLive(d.VaccineCode))
            .Select(d => d.Date)
            .Distinct()
            .ToList();
        var forecasts = histories
            .Select(h => Forecast(rules, child, assessedOn, h, histories, liveDates))
            .ToList();
        return new ScheduleAssessment(rules.Id, assessedOn, histories.SelectMany(h => h.Evaluations).ToList(), forecasts);
    }

    private static SeriesForecast Forecast(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        SeriesHistory history,
        IReadOnlyList<SeriesHistory> all,
        IReadOnlyList<DateOnly> liveDates)
    {
        var series = history.Series;
        if (SeriesEligibility.Check(series, child) is { } ineligible)
        {
            return Closed(series, ForecastStatus.NotApplicable, ineligible);
        }

        if (AlternativeFollowed(history, all) is { } followed)
        {
            return Closed(series, ForecastStatus.NotApplicable, $"Alternative series {followed} is followed instead.");
        }

        var slot = history.NextSlot;
        while (slot < series.Doses.Count && series.Doses[slot].SkipFrom is { } skipFrom && assessedOn >= child.DateAtAge(skipFrom))
        {
            slot++;
        }

        if (slot >= series.Doses.Count)
        {
            return Closed(series, ForecastStatus.Complete, $"{series.Id} complete.");
        }

        var slotRule = series.Doses[slot];
        var rule = slotRule.ForProduct(slotRule.PreferredProductOn(child.BirthDate, assessedOn));
        if (assessedOn >= child.DateAtAge(rules.CatchUpBefore))
        {
            return Closed(series, ForecastStatus.NoLongerRecommended,
                $"Catch-up ends at age {rules.CatchUpBefore.Describe()}.");
        }

        if (rule.NotGivenFrom is { } stop && assessedOn >= child.DateAtAge(stop))
        {
            return Closed(series, ForecastStatus.NoLongerRecommended,
                $"{series.Id} dose {rule.Number} is not given from age {stop.Describe()}.");
        }

        return NextDose(rules, child, assessedOn, history, all, rule, slotRule.PreferredProductOn(child.BirthDate, assessedOn), liveDates);
    }

    private static SeriesForecast NextDose(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        SeriesHistory history,
        IReadOnlyList<SeriesHistory> all,
        DoseRule rule,
        string product,
        IReadOnlyList<DateOnly> liveDates)
    {
        var earliest = child.DateAtAge(rule.MinimumAge);
        DateOnly? overdue = rule.TimelyBefore is { } timely ? child.DateAtAge(timely) : null;
        foreach (var interval in rule.Intervals)
        {
            var doses = interval.FromSeries is null || interval.FromSeries == history.Series.Id
                ? history.ValidDoses
                : all.FirstOrDefault(h => h.Series.Id == interval.FromSeries)?.ValidDoses;
            if (doses is null || !doses.TryGetValue(interval.FromDose, out var from))
            {
                continue;
            }

            earliest = Max(earliest, interval.Minimum.AddTo(from));
            if (interval.Maximum is { } maximum)
            {
                var afterMaximum = maximum.AddTo(from).AddDays(1);
                overdue = overdue is { } o && o < afterMaximum ? o : afterMaximum;
            }
        }

        var reason = $"{history.Series.Id} dose {rule.Number} ({product}).";
        if (rules.IsInjectableLive(product))
        {
            // Facts §1.3: injectable live vaccines not given on the same day must be at least 28 days apart.
            // A live vaccine given on the assessment date still allows this one the same day.
            foreach (var other in liveDates)
            {
                var spaced = rules.LiveInjectableSpacing.AddTo(other);
                var sameDayStillPossible = other == assessedOn && earliest <= other;
                if (earliest < spaced && !sameDayStillPossible)
                {
                    earliest = spaced;
                    reason += $" Not before {DoseEvaluator.Fmt(spaced)}: injectable live vaccine given {DoseEvaluator.Fmt(other)}.";
                }
            }
        }

        var recommended = Max(earliest, child.DateAtAge(rule.RecommendedAge ?? rule.MinimumAge));
        var status = assessedOn < earliest ? ForecastStatus.NotYetDue
            : overdue is { } due && assessedOn >= due ? ForecastStatus.Overdue
            : ForecastStatus.Due;
        if (rule.Note is { } note)
        {
            reason += " " + note;
        }

        return new SeriesForecast(
            history.Series.Id, status, rule.Number, product, earliest, recommended, overdue, reason, Latest(rules, child, rule));
    }

    private static DateOnly Latest(ScheduleRuleSet rules, ScheduleSubject child, DoseRule rule)
    {
        var latest = child.DateAtAge(rules.CatchUpBefore);
        foreach (var stop in new[] { rule.NotGivenFrom, rule.SkipFrom })
        {
            if (stop is { } age && child.DateAtAge(age) < latest)
            {
                latest = child.DateAtAge(age);
            }
        }

        return latest;
    }

    private static string? AlternativeFollowed(SeriesHistory history, IReadOnlyList<SeriesHistory> all)
    {
        if (history.Series.AlternativeGroup is not { } group)
        {
            return null;
        }

        var members = all.Where(h => h.Series.AlternativeGroup == group).ToList();
        var started = members.FirstOrDefault(h => h.Evaluations.Count > 0);
        var followed = started ?? members[0];
        return followed == history ? null : followed.Series.Id;
    }

    private static SeriesForecast Closed(Series series, ForecastStatus status, string reason) =>
        new(series.Id, status, null, null, null, null, null, reason);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
