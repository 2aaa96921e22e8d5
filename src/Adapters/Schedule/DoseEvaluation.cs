namespace Exchange.Adapters.Schedule;

/// <summary>Whether a recorded dose counts toward its series.</summary>
public enum DoseStatus
{
    /// <summary>Counts as the dose number given.</summary>
    Valid = 1,

    /// <summary>Given before the dose's minimum age; does not count.</summary>
    TooEarly = 2,

    /// <summary>Given before the minimum interval after an earlier dose or live vaccine; does not count.</summary>
    IntervalTooShort = 3,

    /// <summary>Does not count for another reason: wrong product for the dose, series complete, past the stop age, not eligible.</summary>
    NotCounted = 4,
}

/// <summary>Timeliness (及时) of a valid dose.</summary>
public enum Timeliness
{
    /// <summary>The dose is not valid, so timeliness is not assessed.</summary>
    NotAssessed = 0,

    Timely = 1,

    Late = 2,
}

/// <summary>The verdict on one recorded dose within one series (a combination vaccine has one per series).</summary>
/// <param name="DoseNumber">The dose the record was assessed as; null when it fits no dose of the series.</param>
/// <param name="Reason">Why, in English, with the rule that decided it.</param>
public sealed record DoseEvaluation(
    string SeriesId,
    GivenDose Dose,
    int? DoseNumber,
    DoseStatus Status,
    Timeliness Timeliness,
    string Reason);
