using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class UnitCodeTests
{
    [Theory]
    [InlineData("4201020101")]
    [InlineData("5224240101")]
    [InlineData("4200000001")]
    [InlineData("1101039999")] // retired region, still well-formed
    public void Check_WellFormed_ReturnsNull(string code)
    {
        Assert.Null(UnitCode.Check(code));
    }

    [Theory]
    [InlineData("420102010", "10 digits")]
    [InlineData("42010201011", "10 digits")]
    [InlineData("420102010A", "character 10 is 'A'")]
    [InlineData("4201020000", "unit number (last 4 digits) is 0000")]
    [InlineData("9901020101", "region part 990102: '99' is not a province-level prefix")]
    [InlineData("4200120101", "region part 420012:")]
    public void Check_Malformed_ReasonExplains(string code, string expected)
    {
        var reason = UnitCode.Check(code);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
