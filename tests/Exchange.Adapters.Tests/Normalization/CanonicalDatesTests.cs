using System.Globalization;
using Exchange.Adapters.Normalization;

namespace Exchange.Adapters.Tests.Normalization;

public sealed class CanonicalDatesTests
{
    public static TheoryData<int, int, int> Dates => new()
    {
        { 1, 1, 1 },
        { 999, 2, 28 },
        { 2024, 2, 29 },
        { 2026, 12, 5 },
        { 9999, 12, 31 },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void FormatDate_AnyYear_IsZeroPaddedIsoDateThatParsesBack(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var text = CanonicalDates.Format(date);

        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text);
        Assert.True(CanonicalDates.TryParseDate(text, out var parsed));
        Assert.Equal(date, parsed);
    }

    [Theory]
    [InlineData(0, 0, 0, "00:00:00")]
    [InlineData(7, 5, 9, "07:05:09")]
    [InlineData(23, 59, 59, "23:59:59")]
    public void FormatTime_IsHoursMinutesSecondsThatParseBack(int hour, int minute, int second, string expected)
    {
        var time = new TimeOnly(hour, minute, second, 999);

        var text = CanonicalDates.Format(time);

        Assert.Equal(expected, text);
        Assert.True(CanonicalDates.TryParseTime(text, out var parsed));
        Assert.Equal(new TimeOnly(hour, minute, second), parsed);
    }

    [Theory]
    [InlineData("2026-12-05T08:30:15.0420000+08:00", "2026-12-05T00:30:15.042Z")]
    [InlineData("2027-01-01T07:59:59.9999999+08:00", "2026-12-31T23:59:59.999Z")]
    [InlineData("0001-01-01T00:00:00.0000000+00:00", "0001-01-01T00:00:00.000Z")]
    [InlineData("2024-02-29T12:00:00.0070000-05:00", "2024-02-29T17:00:00.007Z")]
    public void FormatInstant_AnyOffset_IsUtcToTheMillisecond(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        var text = CanonicalDates.Format(value);

        Assert.Equal(expected, text);
        Assert.Equal(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), text);
    }
}
