using Exchange.Adapters.Results;

namespace Exchange.Adapters.Schedule;

/// <summary>
/// The date-effective rule sets, with the entry point that assesses a child against the set in force on the assessment date.
/// </summary>
public sealed class ScheduleLibrary
{
    private static readonly Lazy<ScheduleLibrary> EmbeddedLibrary = new(() => new ScheduleLibrary(ScheduleLoader.LoadEmbedded()));

    // One delegate for every assessment, rather than one allocated per call.
    private readonly Func<DateOnly, ScheduleRuleSet?> _inForceWhenGiven;

    /// <param name="ruleSets">Any order; two sets may not take effect on the same date.</param>
    public ScheduleLibrary(IReadOnlyList<ScheduleRuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        RuleSets = ruleSets.OrderBy(r => r.EffectiveFrom).ToList();
        if (RuleSets.Zip(RuleSets.Skip(1)).Any(p => p.First.EffectiveFrom == p.Second.EffectiveFrom))
        {
            throw new ArgumentException("Two rule sets take effect on the same date.", nameof(ruleSets));
        }

        Index = new ScheduleIndex(RuleSets);
        _inForceWhenGiven = InForceWhenGiven;
    }

    /// <summary>The rule sets shipped in Schedule/Data.</summary>
    public static ScheduleLibrary Embedded => EmbeddedLibrary.Value;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ScheduleRuleSet> RuleSets { get; }

    internal ScheduleIndex Index { get; }

    /// <summary>The rule set in force on <paramref name="date"/>: the latest that took effect on or before it; null before the first.</summary>
    public ScheduleRuleSet? InForceOn(DateOnly date)
    {
        // A loop, not LastOrDefault(lambda): this runs for every scheduled dose at every record write.
        for (var i = RuleSets.Count - 1; i >= 0; i--)
        {
            if (RuleSets[i].EffectiveFrom <= date)
            {
                return RuleSets[i];
            }
        }

        return null;
    }

    // Doses given before the first encoded edition are judged by it: the 2021 edition kept the earlier
    // DTaP, HepB, MMR, JE, Men and HepA ages (facts §1.7), so its minimum ages are the closest known rule.
    internal ScheduleRuleSet? InForceWhenGiven(DateOnly date) => InForceOn(date) ?? (RuleSets.Count > 0 ? RuleSets[0] : null);

    /// <summary>
    /// Evaluates the child's doses and forecasts each series with the rule set in force on <paramref name="assessedOn"/>;
    /// a dose that met the minimum age of the rule set in force when it was given keeps counting.
    /// </summary>
    /// <param name="explain">Write the reasons of evaluations and forecasts (empty otherwise).</param>
    public Result<ScheduleAssessment> Assess(ScheduleSubject child, DateOnly assessedOn, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (InForceOn(assessedOn) is not { } rules)
        {
            return Result<ScheduleAssessment>.Failure(
                [Issue.Invalid("assessedOn", $"No schedule rule set is in force on {DoseEvaluator.Fmt(assessedOn)}.")]);
        }

        if (child.BirthDate > assessedOn)
        {
            return Result<ScheduleAssessment>.Failure([Issue.Invalid("birthDate", "The child is born after the assessment date.")]);
        }

        return Result<ScheduleAssessment>.Success(Forecaster.Assess(rules, child, assessedOn, _inForceWhenGiven, explain));
    }
}
