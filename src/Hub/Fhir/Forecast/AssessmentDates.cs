using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Fhir.Errors;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>The assessment date of a forecast request: a yyyy-MM-dd date on which a rule set is in force; today by default.</summary>
internal static class AssessmentDates
{
    /// <param name="text">The date as sent (a search "eq" prefix and a time part are accepted), or null/empty for today.</param>
    /// <param name="expression">Where the date was sent, for the OperationOutcome.</param>
    public static (DateOnly Date, FhirError? Error) Read(string? text, string expression, DateOnly today)
    {
        var date = today;
        var cleaned = text?.Trim();
        if (!string.IsNullOrEmpty(cleaned))
        {
            var value = cleaned.StartsWith("eq", StringComparison.Ordinal) ? cleaned[2..] : cleaned;
            if (value.Length < 10 || !CanonicalDates.TryParseDate(value[..10], out date) || (value.Length > 10 && value[10] != 'T'))
            {
                return (today, FhirError.Invalid(expression, $"'{cleaned}' is not a date in the form {CanonicalDates.DateFormat}"));
            }
        }

        if (ScheduleLibrary.Embedded.InForceOn(date) is null)
        {
            var first = CanonicalDates.Format(ScheduleLibrary.Embedded.RuleSets[0].EffectiveFrom);
            return (date, FhirError.Invalid(expression, $"no schedule rule set is in force on {CanonicalDates.Format(date)}; the first one starts {first}"));
        }

        return (date, null);
    }
}
