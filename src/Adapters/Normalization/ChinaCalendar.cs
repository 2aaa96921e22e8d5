namespace Exchange.Adapters.Normalization;

/// <summary>Dates are judged in China Standard Time (UTC+8, no daylight saving), where the clinics are.</summary>
public static class ChinaCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
