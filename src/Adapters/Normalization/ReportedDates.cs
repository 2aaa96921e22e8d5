using System.Globalization;
using System.Text.RegularExpressions;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Normalization;

/// <summary>
/// Reads the date and time spellings sources send: <c>yyyy-MM-dd</c>, <c>yyyy/M/d</c>, <c>yyyy.M.d</c>,
/// <c>yyyyMMdd</c>, <c>yyyy年M月d日</c>, and ISO 8601 date-times (<c>2024-03-01T23:30:00+08:00</c>, <c>...Z</c>, or
/// without a zone, read as China time). A date-time with a zone is converted to China time (UTC+8) before its date is
/// taken, so a dose given at 01:00 in Beijing but sent in UTC keeps its Beijing date.
/// </summary>
public static partial class ReportedDates
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string AcceptedForms = "yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd, yyyyMMdd, yyyy年M月d日 or an ISO 8601 date-time";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A reported date (and the time of day, when a date-time was sent), or why it is not one.</summary>
    /// <param name="error">The message, with <paramref name="reason"/> <see cref="ReasonCodes.InvalidDate"/> (no accepted form) or <see cref="ReasonCodes.ImpossibleDate"/> (no such day).</param>
    public static bool TryParse(string text, out DateOnly date, out TimeOnly? time, out string? error, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        time = null;
        error = null;
        reason = null;
        // Most sources send ISO dates: read those without a regex match (its groups cost allocations per dose).
        // An ISO-shaped date that does not exist (2024-02-30) falls through, to get the precise error below.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var match = DatePattern().Match(text);
        if (match.Success)
        {
            return TryBuild(text, match, out date, out error, out reason);
        }

        var dateTime = DateTimePattern().Match(text);
        if (!dateTime.Success)
        {
            (error, reason) = ($"'{text}' is not a date ({AcceptedForms})", ReasonCodes.InvalidDate);
            return false;
        }

        var styles = dateTime.Groups["zone"].Success ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var instant))
        {
            (error, reason) = ($"'{text}' is not a date-time that exists", ReasonCodes.ImpossibleDate);
            return false;
        }

        // No zone: the clock time is China time as written.
        var china = dateTime.Groups["zone"].Success ? instant.ToOffset(ChinaOffset) : new DateTimeOffset(instant.DateTime, ChinaOffset);
        date = DateOnly.FromDateTime(china.DateTime);
        time = TimeOnly.FromDateTime(china.DateTime);
        return true;
    }

    /// <summary>A time of day as <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>H:mm</c>; the error names the forms.</summary>
    public static bool TryParseTime(string text, out TimeOnly time, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "H:mm", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        error = $"'{text}' is not a time of day in the form HH:mm or HH:mm:ss";
        return false;
    }

    private static bool TryBuild(string text, Match match, out DateOnly date, out string? error, out string? reason)
    {
        date = default;
        (error, reason) = (null, null);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12)
        {
            (error, reason) = ($"'{text}' has month {month}; months run 1-12", ReasonCodes.ImpossibleDate);
            return false;
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            (error, reason) = ($"'{text}' has day {day}, but {year:D4}-{month:D2} has {DateTime.DaysInMonth(year, month)} days", ReasonCodes.ImpossibleDate);
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})|(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
