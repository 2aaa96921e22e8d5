using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Errors;

namespace Exchange.Hub.Grpc;

/// <summary>Checks the fields of a forecast request.</summary>
internal static class ForecastRequests
{
    public static DateOnly AssessmentDate(string text, DateOnly today)
    {
        var cleaned = TextCleaner.Clean(text);
        var date = today;
        if (cleaned is not null && !CanonicalDates.TryParseDate(cleaned, out date))
        {
            throw RpcErrors.Invalid("assessment_date", $"'{cleaned}' is not a date in the form {CanonicalDates.DateFormat}");
        }

        if (ScheduleLibrary.Embedded.InForceOn(date) is null)
        {
            var first = CanonicalDates.Format(ScheduleLibrary.Embedded.RuleSets[0].EffectiveFrom);
            throw RpcErrors.Invalid("assessment_date", $"no schedule rule set is in force on {CanonicalDates.Format(date)}; the first one starts {first}");
        }

        return date;
    }
}
