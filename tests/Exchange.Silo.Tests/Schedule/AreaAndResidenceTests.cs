using Exchange.Adapters.Model;
using Exchange.Silo.Schedule;

namespace Exchange.Silo.Tests.Schedule;

public class AreaAndResidenceTests
{
    [Theory]
    [InlineData("4201060001", AreaLevel.Unit, "4201060001")]
    [InlineData("420106", AreaLevel.County, "420106")]
    [InlineData("420100", AreaLevel.City, "4201")]
    [InlineData("420000", AreaLevel.Province, "42")]
    public void Parse_CodeOfEachLevel_LevelAndUnitPrefix(string code, AreaLevel level, string prefix)
    {
        var area = Area.Parse(code);

        Assert.Equal((level, prefix), (area!.Level, area.Prefix));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("42010600011")]
    [InlineData("42010A")]
    [InlineData(null)]
    public void Parse_NotAnAreaCode_Null(string? code) => Assert.Null(Area.Parse(code));

    [Theory]
    [InlineData(AreaLevel.County, "420106")]
    [InlineData(AreaLevel.City, "420100")]
    [InlineData(AreaLevel.Province, "420000")]
    public void CodeOf_Unit_RolledUp(AreaLevel level, string expected) => Assert.Equal(expected, Area.CodeOf("4201060001", level));

    [Theory]
    [InlineData("420106", ResidenceType.Local)]
    [InlineData("420106001", ResidenceType.Local)]
    [InlineData(null, ResidenceType.Local)]
    [InlineData("420111", ResidenceType.Mobile)]
    [InlineData("110101", ResidenceType.Mobile)]
    public void Of_HouseholdRegionAgainstTheManagingUnitsCounty(string? household, ResidenceType expected)
    {
        var demographics = new Demographics("x", Sex.Female, new DateOnly(2026, 1, 1), null, null, null, null, household, "420106", "4201060001");

        Assert.Equal(expected, ResidenceTypes.Of(demographics));
    }
}
