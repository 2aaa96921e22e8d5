using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class ChildCodeTests
{
    [Theory]
    [InlineData("420102010120190001")]
    [InlineData("522424010190180001")] // fixed "9018" year segment written by a deployed system
    [InlineData("420102010100000000")]
    [InlineData("420102010199999999")]
    public void Check_WellFormed_ReturnsNull(string code)
    {
        Assert.Null(ChildCode.Check(code));
    }

    [Theory]
    [InlineData("42010201012019001", "18 digits")]
    [InlineData("4201020101201900011", "18 digits")]
    [InlineData("42010201012019000X", "character 18 is 'X'")]
    [InlineData("420102000020190001", "unit part 4201020000: unit number (last 4 digits) is 0000")]
    [InlineData("000000010120190001", "unit part 0000000101: region part 000000:")]
    public void Check_Malformed_ReasonExplains(string code, string expected)
    {
        var reason = ChildCode.Check(code);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
