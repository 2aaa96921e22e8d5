using System.Globalization;

namespace Exchange.Adapters.Schedule;

/// <summary>
/// Evaluates each recorded dose against a rule set: valid, too early, interval too short or not counted,
/// and for valid doses timely or late. Doses dated after the assessment date are ignored.
/// </summary>
public static class DoseEvaluator
{
    /// <summary>Every recorded dose assessed in every series that accepts its product, series by series in rule-set order.</summary>
    /// <param name="ruleSetOn">
    /// The rule set in force on a given date, if known. A dose below the minimum age of <paramref name="rules"/> still
    /// counts when it met the minimum age of the same dose in the rule set in force on the day it was given
    /// (a DTaP dose 3 at 5 months under the 2021 edition stays valid after 2025 moved dose 3 to 6 months).
    /// </param>
    public static IReadOnlyList<DoseEvaluation> Evaluate(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        Func<DateOnly, ScheduleRuleSet?>? ruleSetOn = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(child);
        return EvaluateSeries(rules, child, assessedOn, ruleSetOn).SelectMany(s => s.Evaluations).ToList();
    }

    /// <param name="only">When given, only these series are evaluated; it must hold every series they refer to.</param>
    /// <param name="explain">
    /// Write each evaluation's reason. The schedule projection stored with every record write reads none of them, and
    /// formatting them was most of its allocations.
    /// </param>
    internal static IReadOnlyList<SeriesHistory> EvaluateSeries(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        DateOnly assessedOn,
        Func<DateOnly, ScheduleRuleSet?>? ruleSetOn,
        IReadOnlySet<string>? only = null,
        bool explain = true)
    {
        var given = GivenInOrder(child, assessedOn);
        var liveDates = LiveInjectableDates(rules, given, assessedOn);
        var valid = new Dictionary<string, IReadOnlyDictionary<int, DateOnly>>(rules.Series.Count, StringComparer.Ordinal);
        var histories = new List<SeriesHistory>(rules.Series.Count);
        for (var s = 0; s < rules.Series.Count; s++)
        {
            var series = rules.Series[s];
            if (only is not null && !only.Contains(series.Id))
            {
                continue;
            }

            var context = new SeriesContext(rules, child, series, valid, liveDates, ruleSetOn, explain);
            var history = context.Run(given);
            valid[series.Id] = history.ValidDoses;
            histories.Add(history);
        }

        return histories;
    }

    /// <summary>The doses given on or before <paramref name="assessedOn"/>, by date then product code, in recorded order otherwise.</summary>
    internal static GivenDose[] GivenInOrder(ScheduleSubject child, DateOnly assessedOn)
    {
        var count = 0;
        var given = new GivenDose[child.Doses.Count];
        for (var i = 0; i < child.Doses.Count; i++)
        {
            if (child.Doses[i].Date <= assessedOn)
            {
                given[count++] = child.Doses[i];
            }
        }

        Array.Resize(ref given, count);
        // Insertion sort: stable, as the order of equal doses decides which one counts, and records arrive nearly
        // in date order, so it is linear in practice.
        for (var i = 1; i < given.Length; i++)
        {
            var dose = given[i];
            var j = i - 1;
            for (; j >= 0 && Compare(given[j], dose) > 0; j--)
            {
                given[j + 1] = given[j];
            }

            given[j + 1] = dose;
        }

        return given;
    }

    private static int Compare(GivenDose a, GivenDose b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.VaccineCode, b.VaccineCode);
    }

    /// <summary>
    /// The distinct dates up to <paramref name="upTo"/> on which an injectable live vaccine was given, in the order of
    /// <paramref name="doses"/>.
    /// </summary>
    internal static List<DateOnly> LiveInjectableDates(ScheduleRuleSet rules, IReadOnlyList<GivenDose> doses, DateOnly upTo)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < doses.Count; i++)
        {
            var dose = doses[i];
            if (dose.Date <= upTo && rules.IsInjectableLive(dose.VaccineCode) && !dates.Contains(dose.Date))
            {
                dates.Add(dose.Date);
            }
        }

        return dates;
    }

    private sealed class SeriesContext(
        ScheduleRuleSet rules,
        ScheduleSubject child,
        Series series,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, DateOnly>> earlierSeries,
        IReadOnlyList<DateOnly> liveDates,
        Func<DateOnly, ScheduleRuleSet?>? ruleSetOn,
        bool explain)
    {
        private readonly Dictionary<int, DateOnly> _valid = new(series.Doses.Count);
        private readonly List<DoseEvaluation> _evaluations = [];
        private int _slot;

        /// <param name="doses">Every given dose in order; those of other products are passed over.</param>
        public SeriesHistory Run(GivenDose[] doses)
        {
            var ineligible = SeriesEligibility.Check(series, child);
            foreach (var dose in doses)
            {
                if (!series.Accepts(dose.VaccineCode))
                {
                    continue;
                }

                if (ineligible is not null)
                {
                    Add(dose, null, DoseStatus.NotCounted, Timeliness.NotAssessed, ineligible);
                    continue;
                }

                SkipPassedSlots(dose);
                if (_slot >= series.Doses.Count && !series.Doses[^1].Products.Contains(dose.VaccineCode))
                {
                    // Only catch-up slots take this product (DT in the DTaP series); past them it belongs to other series.
                    continue;
                }

                if (_slot >= series.Doses.Count)
                {
                    Add(dose, null, DoseStatus.NotCounted, Timeliness.NotAssessed,
                        explain ? $"{series.Id} is already complete ({series.Doses.Count} valid doses); extra dose not counted." : string.Empty);
                    continue;
                }

                EvaluateDose(dose, series.Doses[_slot]);
            }

            return new SeriesHistory(series, _evaluations, _valid, _slot);
        }

        private void SkipPassedSlots(GivenDose dose)
        {
            while (_slot < series.Doses.Count
                && series.Doses[_slot] is { SkipFrom: { } skipFrom } rule
                && dose.Date >= child.DateAtAge(skipFrom)
                && !FillsAt(rule, dose))
            {
                _slot++;
            }
        }

        // A product of the slot still fills it after the skip age, unless the product itself stops at an age by then.
        private bool FillsAt(DoseRule slotRule, GivenDose dose)
        {
            var rule = slotRule.ForProduct(dose.VaccineCode);
            return rule.CountsFor(dose.VaccineCode, child.BirthDate)
                && !(rule.NotGivenFrom is { } stop && dose.Date >= child.DateAtAge(stop) && slotRule.NotGivenFrom != rule.NotGivenFrom);
        }

        private void EvaluateDose(GivenDose dose, DoseRule slotRule)
        {
            var rule = slotRule.ForProduct(dose.VaccineCode);
            if (!rule.CountsFor(dose.VaccineCode, child.BirthDate))
            {
                Add(dose, rule.Number, DoseStatus.NotCounted, Timeliness.NotAssessed,
                    explain ? $"{dose.VaccineCode} does not count as {series.Id} dose {N(rule.Number)}; expected {string.Join('/', rule.Products)}." : string.Empty);
                return;
            }

            if (rule.NotGivenFrom is { } stop && dose.Date >= child.DateAtAge(stop))
            {
                Add(dose, rule.Number, DoseStatus.NotCounted, Timeliness.NotAssessed,
                    explain ? $"{series.Id} dose {N(rule.Number)} is not given from age {stop.Describe()}." : string.Empty);
                return;
            }

            var minimumDate = child.DateAtAge(rule.MinimumAge);
            if (dose.Date < minimumDate && !ValidWhenGiven(dose, rule))
            {
                Add(dose, rule.Number, DoseStatus.TooEarly, Timeliness.NotAssessed,
                    explain ? $"Given before the minimum age of {rule.MinimumAge.Describe()} (earliest {Fmt(minimumDate)})." : string.Empty);
                return;
            }

            if (IntervalViolation(dose, rule) is { } shortReason)
            {
                Add(dose, rule.Number, DoseStatus.IntervalTooShort, Timeliness.NotAssessed, shortReason);
                return;
            }

            var lateReason = LateReason(dose, rule);
            _valid[rule.Number] = dose.Date;
            _slot++;
            Add(dose, rule.Number, DoseStatus.Valid, lateReason is null ? Timeliness.Timely : Timeliness.Late,
                lateReason ?? (explain ? $"Valid {series.Id} dose {N(rule.Number)}, timely." : string.Empty));
        }

        private bool ValidWhenGiven(GivenDose dose, DoseRule rule)
        {
            var then = ruleSetOn?.Invoke(dose.Date);
            if (then is null || then.Id == rules.Id)
            {
                return false;
            }

            var thenRule = then.Series.FirstOrDefault(s => s.Id == series.Id)?.Doses.FirstOrDefault(d => d.Number == rule.Number);
            return thenRule is not null
                && thenRule.CountsFor(dose.VaccineCode, child.BirthDate)
                && dose.Date >= child.DateAtAge(thenRule.ForProduct(dose.VaccineCode).MinimumAge);
        }

        private string? IntervalViolation(GivenDose dose, DoseRule rule)
        {
            for (var i = 0; i < rule.Intervals.Count; i++)
            {
                var interval = rule.Intervals[i];
                if (Reference(interval, dose) is { } from && dose.Date < interval.Minimum.AddTo(from))
                {
                    return explain ? $"Less than {interval.Minimum.Describe()} after {Name(interval)} ({Fmt(from)})." : string.Empty;
                }
            }

            if (rules.IsInjectableLive(dose.VaccineCode))
            {
                for (var i = 0; i < liveDates.Count; i++)
                {
                    var other = liveDates[i];
                    if (other < dose.Date && dose.Date < rules.LiveInjectableSpacing.AddTo(other))
                    {
                        return explain ? $"Less than {rules.LiveInjectableSpacing.Describe()} after another injectable live vaccine ({Fmt(other)}) not given the same day." : string.Empty;
                    }
                }
            }

            return null;
        }

        private string? LateReason(GivenDose dose, DoseRule rule)
        {
            if (rule.TimelyBefore is { } timely && dose.Date >= child.DateAtAge(timely))
            {
                return explain ? $"Valid {series.Id} dose {N(rule.Number)}, late: timely only before age {timely.Describe()}." : string.Empty;
            }

            for (var i = 0; i < rule.Intervals.Count; i++)
            {
                var interval = rule.Intervals[i];
                if (interval.Maximum is { } maximum && Reference(interval, dose) is { } from && dose.Date > maximum.AddTo(from))
                {
                    return explain ? $"Valid {series.Id} dose {N(rule.Number)}, late: more than {maximum.Describe()} after {Name(interval)}." : string.Empty;
                }
            }

            return null;
        }

        // A dose of another series counts only if given before this one: a DT catch-up dose that is itself DTaP dose 3
        // is not "less than 6 months after DTaP dose 3".
        private DateOnly? Reference(DoseInterval interval, GivenDose dose)
        {
            var ownSeries = interval.FromSeries is null || interval.FromSeries == series.Id;
            var doses = ownSeries ? _valid : earlierSeries.GetValueOrDefault(interval.FromSeries!);
            return doses is not null && doses.TryGetValue(interval.FromDose, out var date) && (ownSeries || date < dose.Date) ? date : null;
        }

        private string Name(DoseInterval interval) => $"{interval.FromSeries ?? series.Id} dose {N(interval.FromDose)}";

        private void Add(GivenDose dose, int? number, DoseStatus status, Timeliness timeliness, string reason) =>
            _evaluations.Add(new DoseEvaluation(series.Id, dose, number, status, timeliness, reason));
    }

    internal static string Fmt(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The outcome of evaluating one series: the valid doses by number and the index of the next dose rule.</summary>
internal sealed record SeriesHistory(
    Series Series,
    IReadOnlyList<DoseEvaluation> Evaluations,
    IReadOnlyDictionary<int, DateOnly> ValidDoses,
    int NextSlot);

internal static class SeriesEligibility
{
    /// <summary>Null when the child is eligible for the series, else why not.</summary>
    public static string? Check(Series series, ScheduleSubject child)
    {
        if (series.Sex is { } sex && child.Sex != sex)
        {
            return $"{series.Id} is only for {sex} children.";
        }

        if (series.BornOnOrAfter is { } cohort && child.BirthDate < cohort)
        {
            return $"{series.Id} is only for children born on or after {DoseEvaluator.Fmt(cohort)}.";
        }

        return null;
    }
}
