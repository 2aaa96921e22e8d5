using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class RegionCodeTests
{
    [Theory]
    [InlineData("420000")] // province
    [InlineData("420100")] // prefecture
    [InlineData("420102")] // county
    [InlineData("429004")] // county-level city directly under the province (prefecture part 90)
    [InlineData("110000")]
    [InlineData("650000")]
    [InlineData("710000")]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("110103")] // retired (崇文区), still well-formed
    [InlineData("429900")]
    public void Check_WellFormed_ReturnsNull(string code)
    {
        Assert.Null(RegionCode.Check(code));
    }

    [Theory]
    [InlineData("", "6 digits")]
    [InlineData("42010", "6 digits")]
    [InlineData("4201020", "6 digits")]
    [InlineData("42O102", "character 3 is 'O'")]
    [InlineData("000000", "'00' is not a province-level prefix")]
    [InlineData("100000", "'10' is not a province-level prefix")]
    [InlineData("160000", "'16' is not a province-level prefix")]
    [InlineData("240000", "'24' is not a province-level prefix")]
    [InlineData("380000", "'38' is not a province-level prefix")]
    [InlineData("470000", "'47' is not a province-level prefix")]
    [InlineData("550000", "'55' is not a province-level prefix")]
    [InlineData("660000", "'66' is not a province-level prefix")]
    [InlineData("720000", "'72' is not a province-level prefix")]
    [InlineData("830000", "'83' is not a province-level prefix")]
    [InlineData("910000", "'91' is not a province-level prefix")]
    [InlineData("420001", "needs a non-zero prefecture part")]
    [InlineData("420099", "county part '99' follows prefecture part '00'")]
    public void Check_Malformed_ReasonExplains(string code, string expected)
    {
        var reason = RegionCode.Check(code);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsProvincePrefix_AcceptsExactlyThe34Prefixes()
    {
        var accepted = Enumerable.Range(0, 100)
            .Select(n => n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
            .Where(p => RegionCode.IsProvincePrefix(p))
            .ToArray();

        Assert.Equal(
            ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
             "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
             "71", "81", "82"],
            accepted);
    }
}
