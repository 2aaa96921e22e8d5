using Exchange.Adapters.Normalization;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Tests.Normalization;

public class ReportedDatesTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024-3-5")]
    [InlineData("2024/03/05")]
    [InlineData("2024.3.5")]
    [InlineData("20240305")]
    [InlineData("2024年3月5日")]
    [InlineData("2024年03月05日")]
    public void TryParse_DateSpellings_SameDate(string text)
    {
        Assert.True(ReportedDates.TryParse(text, out var date, out var time, out var error, out _), error);
        Assert.Equal(new DateOnly(2024, 3, 5), date);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("2024-03-05T23:30:00+08:00", "2024-03-05", "23:30")]
    [InlineData("2024-03-05T16:30:00Z", "2024-03-06", "00:30")]
    [InlineData("2024-03-05T15:59:59Z", "2024-03-05", "23:59:59")]
    [InlineData("2024-03-05T10:00:00-05:00", "2024-03-05", "23:00")]
    [InlineData("2024-03-05 08:15", "2024-03-05", "08:15")]
    [InlineData("2024-03-05T08:15:00.123+0800", "2024-03-05", "08:15:00.123")]
    public void TryParse_DateTimeWithZone_IsTheChinaDate(string text, string expectedDate, string expectedTime)
    {
        Assert.True(ReportedDates.TryParse(text, out var date, out var time, out var error, out _), error);
        Assert.Equal(DateOnly.Parse(expectedDate, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(TimeOnly.Parse(expectedTime, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("2023-02-29", ReasonCodes.ImpossibleDate, "2023-02 has 28 days")]
    [InlineData("20240230", ReasonCodes.ImpossibleDate, "2024-02 has 29 days")]
    [InlineData("2024-13-01", ReasonCodes.ImpossibleDate, "month 13")]
    [InlineData("2024年2月30日", ReasonCodes.ImpossibleDate, "day 30")]
    [InlineData("05/03/2024", ReasonCodes.InvalidDate, "yyyyMMdd")]
    [InlineData("yesterday", ReasonCodes.InvalidDate, "ISO 8601")]
    [InlineData("2024-03-05T25:00:00Z", ReasonCodes.ImpossibleDate, "exists")]
    public void TryParse_NotADate_PreciseReason(string text, string reason, string messagePart)
    {
        Assert.False(ReportedDates.TryParse(text, out _, out _, out var error, out var actualReason));
        Assert.Equal(reason, actualReason);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8:30", 8, 30, 0)]
    [InlineData("08:30:15", 8, 30, 15)]
    public void TryParseTime_Spellings(string text, int hour, int minute, int second)
    {
        Assert.True(ReportedDates.TryParseTime(text, out var time, out _));
        Assert.Equal(new TimeOnly(hour, minute, second), time);
    }

    [Fact]
    public void TryParseTime_NotATime_SaysTheForm()
    {
        Assert.False(ReportedDates.TryParseTime("25:00", out _, out var error));
        Assert.Contains("HH:mm", error, StringComparison.Ordinal);
    }
}
