using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class BirthCertificateNumberTests
{
    [Theory]
    [InlineData("O420123456")]
    [InlineData("A000000000")]
    [InlineData("Z999999999")]
    public void Check_WellFormed_ReturnsNull(string number)
    {
        Assert.Null(BirthCertificateNumber.Check(number));
    }

    [Theory]
    [InlineData("O42012345", "10 characters")]
    [InlineData("O4201234567", "10 characters")]
    [InlineData("o420123456", "must be upper-case")]
    [InlineData("0420123456", "first character is '0'")]
    [InlineData("出420123456", "first character is '出'")]
    [InlineData("OO20123456", "character 2 is 'O'")]
    [InlineData("O42012345X", "character 10 is 'X'")]
    public void Check_Malformed_ReasonExplains(string number, string expected)
    {
        var reason = BirthCertificateNumber.Check(number);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
