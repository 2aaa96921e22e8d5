using Exchange.Adapters.Normalization;

namespace Exchange.Adapters.Tests.Normalization;

public class TextCleanerTests
{
    [Fact]
    public void Clean_FullWidthLettersDigitsAndPunctuation_FoldsToAscii()
    {
        Assert.Equal("ABC-123 (x)!~", TextCleaner.Clean("ＡＢＣ－１２３ （ｘ）！～"));
    }

    [Fact]
    public void Clean_IdeographicSpaces_TrimsAndCollapsesToOneSpace()
    {
        Assert.Equal("张 三", TextCleaner.Clean("\u3000张\u3000\u3000三\u3000"));
    }

    [Fact]
    public void Clean_MixedWhiteSpace_TrimsAndCollapsesToOneSpace()
    {
        Assert.Equal("a b c", TextCleaner.Clean(" \t a \r\n\u00A0 b\u3000 c  "));
    }

    [Theory]
    [InlineData("a  b", "a b")]
    [InlineData("a ", "a")]
    [InlineData(" a", "a")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\tb", "a b")]
    public void Clean_OneStrayWhiteSpace_IsStillFolded(string text, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_TextAlreadyClean_IsReturnedAsItIs()
    {
        const string Clean = "王 小明 A-1";

        Assert.Same(Clean, TextCleaner.Clean(Clean));
    }

    [Fact]
    public void Clean_CharactersOutsideTheFullWidthBlock_AreKept()
    {
        Assert.Equal("王小明·ｶﾀ", TextCleaner.Clean("王小明·ｶﾀ"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u3000")]
    [InlineData("\t\r\n")]
    public void Clean_NothingButWhiteSpace_ReturnsNull(string? text)
    {
        Assert.Null(TextCleaner.Clean(text));
    }

    [Fact]
    public void CleanCode_FullWidthWithSpaces_RemovesSpacesAndFoldsDigits()
    {
        Assert.Equal("420102", TextCleaner.CleanCode(" ４２０\u3000１ ０２ "));
    }

    [Fact]
    public void CleanCode_LowerCase_IsUpperCased()
    {
        Assert.Equal("42010220240315003X", TextCleaner.CleanCode("42010220240315003x"));
        Assert.Equal("O420123456", TextCleaner.CleanCode("ｏ420123456"));
    }

    [Fact]
    public void CleanCode_Blank_ReturnsNull()
    {
        Assert.Null(TextCleaner.CleanCode("\u3000 "));
    }
}
