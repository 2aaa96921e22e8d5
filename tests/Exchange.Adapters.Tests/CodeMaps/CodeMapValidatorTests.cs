using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Tests.CodeMaps;

public class CodeMapValidatorTests
{
    [Fact]
    public void Validate_GoodEntries_CleansLocalCodes()
    {
        var result = CodeMapValidator.Validate(
            [new(CodeMapSystem.Vaccine, " ｖ０１ ", "0202"), new(CodeMapSystem.Sex, "a", "1"), new(CodeMapSystem.Region, "wh 01", "110103")],
            CanonicalCodeResolver.Default);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(["V01", "A", "WH01"], result.Value.Select(entry => entry.LocalCode));
    }

    [Fact]
    public void Validate_CanonicalCodesNotInHubTables_NamesEachEntry()
    {
        var result = CodeMapValidator.Validate(
            [
                new(CodeMapSystem.Vaccine, "V01", "0202"),
                new(CodeMapSystem.Vaccine, "V02", "HepB"),
                new(CodeMapSystem.Sex, "A", "3"),
                new(CodeMapSystem.Region, "R1", "999999"),
                new(CodeMapSystem.Route, "R", "9"),
            ],
            CanonicalCodeResolver.Default);

        Assert.Equal(
            ["entries[1].canonical_code", "entries[2].canonical_code", "entries[3].canonical_code", "entries[4].canonical_code"],
            result.Issues.Select(issue => issue.Field));
        Assert.All(result.Issues, issue => Assert.Equal(ReasonCodes.UnknownCode, issue.Reason));
        Assert.Contains("'HepB' is not a hub vaccine code", result.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameLocalCodeTwiceInOneSystem_NamesTheSecond()
    {
        var result = CodeMapValidator.Validate(
            [new(CodeMapSystem.Vaccine, "V01", "0202"), new(CodeMapSystem.Sex, "V01", "1"), new(CodeMapSystem.Vaccine, "v01", "0201")],
            CanonicalCodeResolver.Default);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("entries[2].local_code", issue.Field);
        Assert.Contains("entries[0]", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingSystemOrLocalCode_Required()
    {
        var result = CodeMapValidator.Validate(
            [new((CodeMapSystem)0, "V01", "0202"), new(CodeMapSystem.Vaccine, "  ", "0202")],
            CanonicalCodeResolver.Default);

        Assert.Equal(["entries[0].system", "entries[1].local_code"], result.Issues.Select(issue => issue.Field));
        Assert.All(result.Issues, issue => Assert.Equal(ReasonCodes.Required, issue.Reason));
    }
}
