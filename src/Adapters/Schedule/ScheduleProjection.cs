namespace Exchange.Adapters.Schedule;

/// <summary>
/// What the due lists and coverage statistics need to know about one child, in absolute dates, so that a read model
/// can answer for any date range without assessing the child again: the next dose of each series, and one fact per
/// scheduled dose (when the child became eligible for it, and whether and when it was validly given).
/// </summary>
/// <param name="RuleSetId">The rule set in force on <paramref name="ComputedOn"/>.</param>
public sealed record ScheduleProjection(
    string RuleSetId,
    DateOnly ComputedOn,
    IReadOnlyList<ProjectedDue> Due,
    IReadOnlyList<ProjectedDose> Doses)
{
    /// <summary>Nothing due and nothing scheduled (no rule set in force, or a birth date after the computation date).</summary>
    public static ScheduleProjection Empty(DateOnly computedOn) => new(string.Empty, computedOn, [], []);
}

/// <summary>
/// The next dose of a series, outstanding from <paramref name="Earliest"/> until the day before <paramref name="Latest"/>.
/// A series whose next dose is skipped at an age (MPSV-A from 24 months) has a second entry for the dose after it.
/// </summary>
/// <param name="Overdue">First day the dose is no longer timely; null when the schedule sets no deadline.</param>
/// <param name="Latest">First day the dose is no longer given (catch-up end, stop age, or skip age).</param>
public sealed record ProjectedDue(
    string Series,
    int Dose,
    string Vaccine,
    DateOnly Earliest,
    DateOnly Recommended,
    DateOnly? Overdue,
    DateOnly Latest);

/// <summary>
/// One scheduled dose of the child for coverage statistics (facts §5.1): the child enters the eligible count (应种) in
/// the month of <paramref name="EligibleFrom"/>; <paramref name="Given"/> is the date of the valid dose, if any.
/// </summary>
/// <param name="EligibleFrom">The day the child reaches the dose's schedule (minimum) age.</param>
/// <param name="Timely">The valid dose was given before the timely deadline (及时).</param>
/// <param name="GivenFromSevenYears">Given at 7 years or older: a catch-up dose that counts as eligible and vaccinated in its month.</param>
public sealed record ProjectedDose(
    string Series,
    int Dose,
    DateOnly EligibleFrom,
    DateOnly? Given,
    bool Timely,
    bool GivenFromSevenYears);
