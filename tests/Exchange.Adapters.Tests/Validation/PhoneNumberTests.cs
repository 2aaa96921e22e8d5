using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("+8613812345678")]
    [InlineData("+86 13812345678")]
    [InlineData("+86-13812345678")]
    [InlineData("027-87654321")]
    [InlineData("02787654321")]
    [InlineData("010-12345678")]
    [InlineData("0716-8123456")]
    [InlineData("07168123456")]
    [InlineData("0716-81234567")]
    [InlineData("+86-027-87654321")]
    [InlineData("+86 27-87654321")]
    [InlineData("+862787654321")]
    [InlineData("+86 716-8123456")]
    public void Check_WellFormed_ReturnsNull(string phone)
    {
        Assert.Null(PhoneNumber.Check(phone));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1381234567", "11 digits; this one has 10")]
    [InlineData("138123456789", "11 digits; this one has 12")]
    [InlineData("138-1234-5678", "no separators")]
    [InlineData("12812345678", "not a mobile number")]
    [InlineData("87654321", "not a mobile number")]
    [InlineData("+85291234567", "only the mainland prefix +86")]
    [InlineData("011-12345678", "area code 011 is not a mainland area code")]
    [InlineData("00012345678", "area code 0001 is not a mainland area code")]
    [InlineData("027-876543", "has 6 digits; it needs 7 or 8")]
    [InlineData("027-876543210", "has 9 digits")]
    [InlineData("027-07654321", "starts with 0")]
    [InlineData("027 87654321", "contains ' '")]
    [InlineData("0716-812345", "has 6 digits")]
    [InlineData("0", "too short")]
    [InlineData("+86 27 87654321", "contains ' '")]
    public void Check_Malformed_ReasonExplains(string phone, string expected)
    {
        var reason = PhoneNumber.Check(phone);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
