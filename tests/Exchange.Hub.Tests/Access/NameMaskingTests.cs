using Exchange.Hub.PublicLookup;

namespace Exchange.Hub.Tests.Access;

public sealed class NameMaskingTests
{
    [Theory]
    [InlineData("张小明", "张*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("张三", "张*")]
    [InlineData("张", "*")]
    [InlineData(" 王 五 六 ", "王***六")]
    [InlineData("𠀀小明", "𠀀*明")]
    public void Mask_KeepsOnlyFirstAndLastCharacter(string name, string expected) => Assert.Equal(expected, NameMasking.Mask(name));
}
