using System.Collections.Concurrent;
using System.Text.Json;

namespace Exchange.Adapters.Schedule;

/// <summary>
/// Lookups over a library's rule sets, computed once when the library is built, so that projecting a child at every
/// record write neither searches the rule lists nor evaluates a series twice where two editions define it alike.
/// </summary>
internal sealed class ScheduleIndex
{
    private readonly Dictionary<(string RuleSet, string Series, int Dose), (ScheduleRuleSet Rules, Series Series, DoseRule Rule)> _doses = [];
    private readonly Dictionary<(string Series, int Dose), DoseRule> _newest = [];
    private readonly Dictionary<(string RuleSet, string Series), string> _fingerprints = [];
    private readonly Dictionary<(string RuleSet, string Series), IReadOnlySet<string>> _dependencies = [];
    private readonly Dictionary<string, string> _liveFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScheduleRuleSet> _ruleSets = new(StringComparer.Ordinal);

    // EvaluatesAlike's answers: it runs for every scheduled dose at every record write, and the answer never changes.
    private readonly ConcurrentDictionary<(string A, string B, string Series), bool> _alike = new();

    public ScheduleIndex(IReadOnlyList<ScheduleRuleSet> oldestFirst)
    {
        var scheduled = new List<(string, int)>();
        foreach (var rules in oldestFirst)
        {
            _ruleSets[rules.Id] = rules;
            _liveFingerprints[rules.Id] = LiveFingerprint(rules);
            foreach (var series in rules.Series)
            {
                _fingerprints[(rules.Id, series.Id)] = Fingerprint(series);
                _dependencies[(rules.Id, series.Id)] = DependencyClosure(rules, series);
                foreach (var dose in series.Doses)
                {
                    _doses[(rules.Id, series.Id, dose.Number)] = (rules, series, dose);
                    if (_newest.TryAdd((series.Id, dose.Number), dose))
                    {
                        scheduled.Add((series.Id, dose.Number));
                    }
                    else
                    {
                        _newest[(series.Id, dose.Number)] = dose;
                    }
                }
            }
        }

        ScheduledDoses = scheduled;
    }

    /// <summary>Every (series, dose number) any rule set schedules, each once.</summary>
    public IReadOnlyList<(string Series, int Dose)> ScheduledDoses { get; }

    public ScheduleRuleSet RuleSet(string id) => _ruleSets[id];

    /// <summary>The dose's rule in the newest rule set that has it.</summary>
    public DoseRule Newest(string seriesId, int dose) => _newest[(seriesId, dose)];

    public (ScheduleRuleSet Rules, Series Series, DoseRule Rule)? Find(ScheduleRuleSet rules, string seriesId, int dose) =>
        _doses.TryGetValue((rules.Id, seriesId, dose), out var found) ? found : null;

    /// <summary>The series and every earlier series its intervals refer to, directly or not: what its evaluation reads.</summary>
    public IReadOnlySet<string> Dependencies(ScheduleRuleSet rules, string seriesId) => _dependencies[(rules.Id, seriesId)];

    /// <summary>
    /// True when evaluating the child's doses for <paramref name="seriesId"/> gives the same result under both rule sets:
    /// the series and all series it refers to are defined alike, and so is the live-vaccine spacing rule.
    /// </summary>
    public bool EvaluatesAlike(ScheduleRuleSet a, ScheduleRuleSet b, string seriesId) =>
        a.Id == b.Id || _alike.GetOrAdd((a.Id, b.Id, seriesId), static (key, index) => index.ComputeEvaluatesAlike(key.A, key.B, key.Series), this);

    private bool ComputeEvaluatesAlike(string a, string b, string seriesId)
    {
        if (_liveFingerprints[a] != _liveFingerprints[b] || !_dependencies.TryGetValue((b, seriesId), out var inB))
        {
            return false;
        }

        var inA = _dependencies[(a, seriesId)];
        return inA.SetEquals(inB)
            && inA.All(id => _fingerprints[(a, id)] == _fingerprints[(b, id)]);
    }

    // Names and notes are prose: two editions may word them differently and still evaluate alike.
    private static string Fingerprint(Series series) => JsonSerializer.Serialize(series with
    {
        Name = string.Empty,
        Note = null,
        Doses = [.. series.Doses.Select(dose => dose with { Note = null })],
    });

    private static string LiveFingerprint(ScheduleRuleSet rules) =>
        rules.LiveInjectableSpacing + ":" + string.Join(',', rules.Vaccines.Keys.Where(rules.IsInjectableLive).Order(StringComparer.Ordinal));

    private static HashSet<string> DependencyClosure(ScheduleRuleSet rules, Series series)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([series.Id]);
        while (pending.TryPop(out var id))
        {
            if (!closure.Add(id) || rules.Series.FirstOrDefault(s => s.Id == id) is not { } current)
            {
                continue;
            }

            foreach (var from in current.Doses.SelectMany(DoseIntervals).Select(i => i.FromSeries).OfType<string>())
            {
                pending.Push(from);
            }
        }

        return closure;
    }

    private static IEnumerable<DoseInterval> DoseIntervals(DoseRule dose) =>
        dose.Intervals.Concat(dose.ProductRules.Values.SelectMany(p => p.Intervals ?? []));
}
