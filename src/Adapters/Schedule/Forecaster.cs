namespace Exchange.Adapters.Schedule;

/// <summary>
/// Forecasts, per series, the next dose with its earliest, recommended and overdue dates, or reports the series
/// complete, no longer recommended or not applicable.
/// </summary>
public static class Forecaster
{
    /// <summary>Evaluates the recorded doses and forecasts every series of <paramref name="rules"/> for <paramref name="assessedOn"/>.</summary>
    /// <param name="ruleSetOn">The rule set in force on a date, so doses valid when given stay valid (see <see cref="DoseEvaluator.Evaluate"/>).</param>
    /// <param name="explain">Write the reasons of evaluations and forecasts (empty otherwise).</param>
    public static ScheduleAssessment Assess(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        Func<DateOnly, ScheduleRuleSet?>? ruleSetOn = null,
        bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(child);
        var histories = DoseEvaluator.EvaluateSeries(rules, child, assessedOn, ruleSetOn, explain: explain);
        // In recorded order, as the forecast always took them (the evaluator takes them in date order).
        var liveDates = DoseEvaluator.LiveInjectableDates(rules, child.Doses, assessedOn);
        var forecasts = new List<SeriesForecast>(histories.Count);
        var evaluationCount = 0;
        for (var i = 0; i < histories.Count; i++)
        {
            evaluationCount += histories[i].Evaluations.Count;
        }

        var evaluations = new List<DoseEvaluation>(evaluationCount);
        for (var i = 0; i < histories.Count; i++)
        {
            var history = histories[i];
            forecasts.Add(Forecast(rules, child, assessedOn, history, histories, liveDates, explain));
            evaluations.AddRange(history.Evaluations);
        }

        return new ScheduleAssessment(rules.Id, assessedOn, evaluations, forecasts);
    }

    private static SeriesForecast Forecast(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        SeriesHistory history,
        IReadOnlyList<SeriesHistory> all,
        IReadOnlyList<DateOnly> liveDates,
        bool explain)
    {
        var series = history.Series;
        if (SeriesEligibility.Check(series, child) is { } ineligible)
        {
            return Closed(series, ForecastStatus.NotApplicable, ineligible);
        }

        if (AlternativeFollowed(history, all) is { } followed)
        {
            return Closed(series, ForecastStatus.NotApplicable, explain ? $"Alternative series {followed} is followed instead." : string.Empty);
        }

        var slot = history.NextSlot;
        while (slot < series.Doses.Count && series.Doses[slot].SkipFrom is { } skipFrom && assessedOn >= child.DateAtAge(skipFrom))
        {
            slot++;
        }

        if (slot >= series.Doses.Count)
        {
            return Closed(series, ForecastStatus.Complete, explain ? $"{series.Id} complete." : string.Empty);
        }

        var slotRule = series.Doses[slot];
        var rule = slotRule.ForProduct(slotRule.PreferredProductOn(child.BirthDate, assessedOn));
        if (assessedOn >= child.DateAtAge(rules.CatchUpBefore))
        {
            return Closed(series, ForecastStatus.NoLongerRecommended,
                explain ? $"Catch-up ends at age {rules.CatchUpBefore.Describe()}." : string.Empty);
        }

        if (rule.NotGivenFrom is { } stop && assessedOn >= child.DateAtAge(stop))
        {
            return Closed(series, ForecastStatus.NoLongerRecommended,
                explain ? $"{series.Id} dose {rule.Number} is not given from age {stop.Describe()}." : string.Empty);
        }

        return NextDose(rules, child, assessedOn, history, all, rule, slotRule.PreferredProductOn(child.BirthDate, assessedOn), liveDates, explain);
    }

    private static SeriesForecast NextDose(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        SeriesHistory history,
        IReadOnlyList<SeriesHistory> all,
        DoseRule rule,
        string product,
        IReadOnlyList<DateOnly> liveDates,
        bool explain)
    {
        var earliest = child.DateAtAge(rule.MinimumAge);
        DateOnly? overdue = rule.TimelyBefore is { } timely ? child.DateAtAge(timely) : null;
        for (var i = 0; i < rule.Intervals.Count; i++)
        {
            var interval = rule.Intervals[i];
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

        var reason = explain ? $"{history.Series.Id} dose {rule.Number} ({product})." : string.Empty;
        if (rules.IsInjectableLive(product))
        {
            // Facts §1.3: injectable live vaccines not given on the same day must be at least 28 days apart.
            // A live vaccine given on the assessment date still allows this one the same day.
            for (var i = 0; i < liveDates.Count; i++)
            {
                var other = liveDates[i];
                var spaced = rules.LiveInjectableSpacing.AddTo(other);
                var sameDayStillPossible = other == assessedOn && earliest <= other;
                if (earliest < spaced && !sameDayStillPossible)
                {
                    earliest = spaced;
                    if (explain)
                    {
                        reason += $" Not before {DoseEvaluator.Fmt(spaced)}: injectable live vaccine given {DoseEvaluator.Fmt(other)}.";
                    }
                }
            }
        }

        var recommended = Max(earliest, child.DateAtAge(rule.RecommendedAge ?? rule.MinimumAge));
        var status = assessedOn < earliest ? ForecastStatus.NotYetDue
            : overdue is { } due && assessedOn >= due ? ForecastStatus.Overdue
            : ForecastStatus.Due;
        if (explain && rule.Note is { } note)
        {
            reason += " " + note;
        }

        return new SeriesForecast(
            history.Series.Id, status, rule.Number, product, earliest, recommended, overdue, reason, Latest(rules, child, rule));
    }

    private static DateOnly Latest(ScheduleRuleSet rules, ScheduleSubject child, DoseRule rule)
    {
        var latest = child.DateAtAge(rules.CatchUpBefore);
        if (rule.NotGivenFrom is { } notGiven && child.DateAtAge(notGiven) < latest)
        {
            latest = child.DateAtAge(notGiven);
        }

        if (rule.SkipFrom is { } skip && child.DateAtAge(skip) < latest)
        {
            latest = child.DateAtAge(skip);
        }

        return latest;
    }

    private static string? AlternativeFollowed(SeriesHistory history, IReadOnlyList<SeriesHistory> all)
    {
        if (history.Series.AlternativeGroup is not { } group)
        {
            return null;
        }

        // The first member with a recorded dose is followed; with none, the first member.
        SeriesHistory? first = null;
        SeriesHistory? started = null;
        for (var i = 0; i < all.Count; i++)
        {
            var member = all[i];
            if (member.Series.AlternativeGroup == group)
            {
                first ??= member;
                if (member.Evaluations.Count > 0)
                {
                    started = member;
                    break;
                }
            }
        }

        var followed = started ?? first!;
        return followed == history ? null : followed.Series.Id;
    }

    private static SeriesForecast Closed(Series series, ForecastStatus status, string reason) =>
        new(series.Id, status, null, null, null, null, null, reason);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
