using Exchange.Adapters.Normalization;

namespace Exchange.Adapters.Tests.Normalization;

public class PersonNamesTests
{
    [Theory]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉•买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉・买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉．买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉 · 买买提", "阿卜杜拉·买买提")]
    [InlineData("\u3000王\u3000小明 ", "王 小明")]
    [InlineData("Ｌｉ Ｎａ", "Li Na")]
    public void Clean_Variants_OneSpelling(string reported, string expected) => Assert.Equal(expected, PersonNames.Clean(reported));

    [Fact]
    public void AsReported_KeepsTheOriginalOnlyWhenItDiffers()
    {
        Assert.Null(PersonNames.AsReported("王小明", "王小明"));
        Assert.Equal("王小明 ", PersonNames.AsReported("王小明 ", "王小明"));
    }

    [Theory]
    [InlineData("王小明2", "digit '2'")]
    [InlineData("王\u0001小明", "control character")]
    public void Check_UnusableName_SaysWhy(string name, string messagePart) =>
        Assert.Contains(messagePart, PersonNames.Check(name), StringComparison.Ordinal);
}
