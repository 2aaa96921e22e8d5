using Exchange.Adapters.Schedule;

namespace Exchange.Adapters.Tests.Schedule;

public class CalendarSpanTests
{
    [Theory]
    [InlineData("2016-01-31", "P1M", "2016-02-29")]
    [InlineData("2023-01-31", "P1M", "2023-02-28")]
    [InlineData("2020-02-29", "P1Y", "2021-02-28")]
    [InlineData("2024-05-01", "P28D", "2024-05-29")]
    [InlineData("2016-01-31", "P1Y6M", "2017-07-31")]
    [InlineData("2016-01-31", "P0D", "2016-01-31")]
    public void AddTo_CalendarMonthsClampedToMonthEnd(string start, string span, string expected)
    {
        Assert.True(CalendarSpan.TryParse(span, out var parsed));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.AddTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("P6M")]
    [InlineData("P1Y6M")]
    [InlineData("P28D")]
    [InlineData("P13Y6M")]
    [InlineData("P0D")]
    public void TryParse_RoundTrips(string text)
    {
        Assert.True(CalendarSpan.TryParse(text, out var span));
        Assert.Equal(text, span.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("6M")]
    [InlineData("P6")]
    [InlineData("PM")]
    [InlineData("P6M1Y")]
    [InlineData("P-1M")]
    [InlineData("P1W")]
    [InlineData("PT1H")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(CalendarSpan.TryParse(text, out _));
    }
}
