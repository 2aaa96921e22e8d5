namespace Exchange.Adapters.Schedule;

/// <summary>Where a series stands on the assessment date.</summary>
public enum ForecastStatus
{
    /// <summary>The next dose's earliest date is after the assessment date.</summary>
    NotYetDue = 1,

    /// <summary>The next dose may be given now.</summary>
    Due = 2,

    /// <summary>The next dose may be given now and its timely deadline has passed.</summary>
    Overdue = 3,

    Complete = 4,

    /// <summary>The child is past the stop age of the next dose or past catch-up age.</summary>
    NoLongerRecommended = 5,

    /// <summary>The series is not for this child (sex, birth cohort, or an alternative series is followed).</summary>
    NotApplicable = 6,
}

/// <summary>The forecast for one series. Dates are set only for NotYetDue, Due and Overdue.</summary>
/// <param name="NextDose">The next dose number, if one is forecast.</param>
/// <param name="Product">The recommended national code for the next dose.</param>
/// <param name="Overdue">The first day the next dose is no longer timely; null when no deadline is set.</param>
/// <param name="Latest">
/// The first day the next dose is no longer forecast: catch-up end, its stop age, or the age from which it is skipped
/// (the series then moves on to the following dose). Null when not forecast.
/// </param>
public sealed record SeriesForecast(
    string SeriesId,
    ForecastStatus Status,
    int? NextDose,
    string? Product,
    DateOnly? Earliest,
    DateOnly? Recommended,
    DateOnly? Overdue,
    string Reason,
    DateOnly? Latest = null);

/// <summary>The evaluation and forecast of one child against the rule set in force on the assessment date.</summary>
public sealed record ScheduleAssessment(
    string RuleSetId,
    DateOnly AssessedOn,
    IReadOnlyList<DoseEvaluation> Evaluations,
    IReadOnlyList<SeriesForecast> Forecasts)
{
    /// <summary>The forecast of a series, or null if the rule set has no such series.</summary>
    public SeriesForecast? ForSeries(string seriesId)
    {
        // An indexed loop: FirstOrDefault(lambda) or foreach over the interface allocates, and this runs per scheduled dose.
        for (var i = 0; i < Forecasts.Count; i++)
        {
            if (Forecasts[i].SeriesId == seriesId)
            {
                return Forecasts[i];
            }
        }

        return null;
    }
}
