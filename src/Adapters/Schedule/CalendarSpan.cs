using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exchange.Adapters.Schedule;

/// <summary>
/// An age or interval in calendar years, months and days, written in rule files as an ISO 8601 duration
/// without time or week parts ("P6M", "P1Y6M", "P28D"). Adding it to a date adds whole months first
/// (a child is N months old on the same day-of-month N months after birth, clamped to the end of a shorter month)
/// and then days.
/// </summary>
[JsonConverter(typeof(CalendarSpanJsonConverter))]
public readonly record struct CalendarSpan(int Years, int Months, int Days)
{
    public static CalendarSpan Zero => default;

    public static CalendarSpan OfDays(int days) => new(0, 0, days);

    public static CalendarSpan OfMonths(int months) => new(0, months, 0);

    public static CalendarSpan OfYears(int years) => new(years, 0, 0);

    /// <summary>The date this span after <paramref name="start"/> (for an age: the day the child reaches it).</summary>
    public DateOnly AddTo(DateOnly start) => start.AddMonths((Years * 12) + Months).AddDays(Days);

    /// <summary>Parses "P[nY][nM][nD]"; returns false for anything else, including negative parts.</summary>
    public static bool TryParse(string? text, out CalendarSpan span)
    {
        span = default;
        if (string.IsNullOrEmpty(text) || text.Length < 3 || text[0] != 'P')
        {
            return false;
        }

        int years = 0, months = 0, days = 0, order = 0, start = 1;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var unitOrder = text[i] switch { 'Y' => 1, 'M' => 2, 'D' => 3, _ => 0 };
            if (unitOrder <= order || i == start
                || !int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (unitOrder)
            {
                case 1: years = value; break;
                case 2: months = value; break;
                default: days = value; break;
            }

            order = unitOrder;
            start = i + 1;
        }

        if (start != text.Length)
        {
            return false;
        }

        span = new CalendarSpan(years, months, days);
        return true;
    }

    /// <summary>The ISO 8601 form used in rule files.</summary>
    public override string ToString()
    {
        if (this == default)
        {
            return "P0D";
        }

        var text = new StringBuilder("P");
        if (Years != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Years}Y");
        }

        if (Months != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Months}M");
        }

        if (Days != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Days}D");
        }

        return text.ToString();
    }

    /// <summary>Readable English ("1 year 6 months", "28 days"), for reason texts.</summary>
    public string Describe()
    {
        if (this == default)
        {
            return "birth";
        }

        var parts = new List<string>(3);
        Add(parts, Years, "year");
        Add(parts, Months, "month");
        Add(parts, Days, "day");
        return string.Join(' ', parts);

        static void Add(List<string> parts, int value, string unit)
        {
            if (value != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}"));
            }
        }
    }
}

internal sealed class CalendarSpanJsonConverter : JsonConverter<CalendarSpan>
{
    public override CalendarSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return CalendarSpan.TryParse(text, out var span)
            ? span
            : throw new JsonException($"'{text}' is not a calendar span such as P6M, P1Y6M or P28D.");
    }

    public override void Write(Utf8JsonWriter writer, CalendarSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
