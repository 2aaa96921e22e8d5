using System.Globalization;

namespace Exchange.Adapters.Normalization;

/// <summary>The hub's wire formats for dates ("yyyy-MM-dd") and local times ("HH:mm" or "HH:mm:ss").</summary>
public static class CanonicalDates
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Format(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
