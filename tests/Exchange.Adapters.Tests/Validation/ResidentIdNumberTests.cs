using System.Numerics;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Tests.Validation;

public class ResidentIdNumberTests
{
    private const string Valid = "11010519491231002X";
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("34052419800101001X")]
    public void Check_TestedExamples_ReturnsNull(string id)
    {
        Assert.Null(ResidentIdNumber.Check(id));
    }

    [Theory]
    [InlineData("11010519491231002X", 'X')]
    [InlineData("440524188001010014", '4')]
    [InlineData("34052419800101001X", 'X')]
    public void ComputeCheckCharacter_TestedExamples_MatchesLastCharacter(string id, char expected)
    {
        Assert.Equal(expected, ResidentIdNumber.ComputeCheckCharacter(id.AsSpan(0, 17)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    public void ComputeCheckCharacter_NotSeventeenDigits_Throws(string body)
    {
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.ComputeCheckCharacter(body));
    }

    [Fact]
    public void ComputeCheckCharacter_RandomBodies_MatchIso7064Formula()
    {
        // Independent oracle: weight i = 2^(18-i) mod 11, check value = (12 - S) mod 11, 10 written X.
        var random = new Random(7064);
        for (var n = 0; n < 2000; n++)
        {
            var body = new char[17];
            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                body[i] = (char)('0' + random.Next(10));
                sum += (body[i] - '0') * (int)(BigInteger.ModPow(2, 17 - i, 11));
            }

            var value = (12 - (sum % 11)) % 11;
            var expected = value == 10 ? 'X' : (char)('0' + value);
            Assert.Equal(expected, ResidentIdNumber.ComputeCheckCharacter(body));
        }
    }

    [Fact]
    public void Check_EverySingleCharacterCorruption_IsRejected()
    {
        foreach (var original in new[] { "11010519491231002X", "440524188001010014", "34052419800101001X" })
        {
            for (var position = 0; position < original.Length; position++)
            {
                var alternatives = position == 17 ? "0123456789X" : "0123456789";
                foreach (var replacement in alternatives)
                {
                    if (replacement == original[position])
                    {
                        continue;
                    }

                    var corrupted = string.Concat(original.AsSpan(0, position), new string(replacement, 1), original.AsSpan(position + 1));
                    Assert.True(ResidentIdNumber.Check(corrupted, Today) is not null, $"{corrupted} was accepted");
                }
            }
        }
    }

    [Fact]
    public void Check_AdjacentTransposition_IsRejected()
    {
        var id = "440524188001010014";
        for (var i = 0; i < 16; i++)
        {
            if (id[i] == id[i + 1])
            {
                continue;
            }

            var chars = id.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            Assert.NotNull(ResidentIdNumber.Check(new string(chars), Today));
        }
    }

    [Fact]
    public void Check_WrongCheckCharacter_ReasonNamesBothCharacters()
    {
        var reason = ResidentIdNumber.Check("110105194912310023", Today);

        Assert.Equal("check character is 3 but the first 17 digits give X", reason);
    }

    [Fact]
    public void Check_LowerCaseX_ReasonMentionsUpperCase()
    {
        var reason = ResidentIdNumber.Check("11010519491231002x", Today);

        Assert.NotNull(reason);
        Assert.Contains("upper-case", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X0")]
    [InlineData("")]
    public void Check_WrongLength_ReasonGivesLength(string id)
    {
        var reason = ResidentIdNumber.Check(id, Today);

        Assert.NotNull(reason);
        Assert.Contains("18 characters", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1101051949123A002X", "character 14 is 'A'")]
    [InlineData("11010519491231 02X", "character 15 is ' '")]
    [InlineData("11010519491231002Y", "check character is 'Y'")]
    [InlineData("X10105194912310029", "character 1 is 'X'")]
    public void Check_BadCharacter_ReasonPointsAtIt(string id, string expected)
    {
        var reason = ResidentIdNumber.Check(id, Today);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FebruaryThirtieth_IsRejectedAsNotACalendarDate()
    {
        var id = WithCheck("42010220190230001");

        var reason = ResidentIdNumber.Check(id, Today);

        Assert.NotNull(reason);
        Assert.Contains("20190230", reason, StringComparison.Ordinal);
        Assert.Contains("not a calendar date", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42010220200229001")]
    [InlineData("42010220000229002")]
    public void Check_LeapDay_IsAccepted(string body)
    {
        Assert.Null(ResidentIdNumber.Check(WithCheck(body), Today));
    }

    [Theory]
    [InlineData("42010219000229001")]
    [InlineData("42010220191301001")]
    [InlineData("42010220190100001")]
    [InlineData("42010220190432001")]
    public void Check_ImpossibleDate_IsRejected(string body)
    {
        Assert.Contains("not a calendar date", ResidentIdNumber.Check(WithCheck(body), Today), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BirthDateAfterToday_IsRejected()
    {
        var reason = ResidentIdNumber.Check(WithCheck("42010220250701001"), Today);

        Assert.NotNull(reason);
        Assert.Contains("after today", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BirthDateToday_IsAccepted()
    {
        Assert.Null(ResidentIdNumber.Check(WithCheck("42010220250630001"), Today));
    }

    [Fact]
    public void Check_FarFutureBirthDate_IsRejectedAgainstTheClock()
    {
        var reason = ResidentIdNumber.Check(WithCheck("42010229991231001"));

        Assert.NotNull(reason);
        Assert.Contains("after today", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BirthDateBefore1880_IsRejected()
    {
        var reason = ResidentIdNumber.Check(WithCheck("44052418791231001"), Today);

        Assert.NotNull(reason);
        Assert.Contains("before 1880", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110103")] // 崇文区, merged into 东城区 in 2010
    [InlineData("110104")] // 宣武区, merged into 西城区 in 2010
    [InlineData("440524")] // 潮阳县, address code of a tested example
    public void Check_RetiredAddressCode_IsAccepted(string address)
    {
        Assert.Null(ResidentIdNumber.Check(WithCheck(address + "19900101001"), Today));
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("160101")]
    [InlineData("990101")]
    [InlineData("420012")]
    public void Check_MalformedAddressCode_ReasonNamesAddress(string address)
    {
        var reason = ResidentIdNumber.Check(WithCheck(address + "19900101001"), Today);

        Assert.NotNull(reason);
        Assert.StartsWith($"address code {address}:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TaiwanResidencePermitAddress_IsAccepted()
    {
        Assert.Null(ResidentIdNumber.Check(WithCheck("83000019900101001"), Today));
    }

    [Fact]
    public void Check_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ResidentIdNumber.Check(null!));
    }

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("440524188001010014", 1880, 1, 1)]
    public void BirthDate_ValidId_ReturnsEmbeddedDate(string id, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), ResidentIdNumber.BirthDate(id));
    }

    [Fact]
    public void BirthDate_InvalidId_ReturnsNull()
    {
        Assert.Null(ResidentIdNumber.BirthDate("110105194912310023"));
    }

    [Theory]
    [InlineData("11010519491231002X", false)] // sequence 002
    [InlineData("440524188001010014", true)] // sequence 001
    [InlineData("34052419800101001X", true)] // sequence 001
    public void IsMale_ValidId_FollowsSequenceParity(string id, bool expected)
    {
        Assert.Equal(expected, ResidentIdNumber.IsMale(id));
    }

    [Fact]
    public void IsMale_InvalidId_ReturnsNull()
    {
        Assert.Null(ResidentIdNumber.IsMale(Valid[..17]));
    }

    private static string WithCheck(string body) => body + ResidentIdNumber.ComputeCheckCharacter(body);
}
