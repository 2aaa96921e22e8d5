using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class VaccineCodeTests
{
    [Theory]
    [InlineData("0101")]
    [InlineData("0202")]
    [InlineData("0311")]
    [InlineData("1201")]
    [InlineData("5501")]
    [InlineData("9999")]
    public void Check_WellFormed_ReturnsNull(string code)
    {
        Assert.Null(VaccineCode.Check(code));
    }

    [Theory]
    [InlineData("", "4 digits")]
    [InlineData("101", "4 digits")]
    [InlineData("01010", "4 digits")]
    [InlineData("01A1", "character 3 is 'A'")]
    [InlineData("0001", "category (first 2 digits) is 00")]
    [InlineData("0000", "category (first 2 digits) is 00")]
    public void Check_Malformed_ReasonExplains(string code, string expected)
    {
        var reason = VaccineCode.Check(code);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
