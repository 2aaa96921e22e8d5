using Exchange.Adapters.CodeSystems;
using Xunit.Abstractions;

namespace Exchange.Adapters.Tests.CodeSystems;

public class RegionCodeSystemTests(ITestOutputHelper output)
{
    private static readonly RegionCodeSystem Regions = HubCodeSystems.Default.Regions;

    [Fact]
    public void Entries_EveryGbt2260Code2023_IsCurrentWithSameNameAndLevel()
    {
        var path = SharedData.Find("china-divisions/gbt2260-202312.csv");
        if (path is null)
        {
            output.WriteLine("Skipped: ../shared/data/china-divisions/gbt2260-202312.csv (beside the folder holding Exchange.sln) was not found.");
            return;
        }

        var published = SharedData.ReadCsv(path);
        var problems = new List<string>();
        foreach (var row in published)
        {
            // The published list marks divisions directly under a province with a trailing '*'; the table keeps the plain name.
            var name = row["name"].TrimEnd('*');
            var entry = Regions.Find(row["code"]);
            if (entry is null)
            {
                problems.Add($"{row["code"]} {row["name"]}: missing");
            }
            else if (entry.Name != name || !entry.IsCurrent || !string.Equals(entry.Level.ToString(), row["level"], StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{row["code"]}: {entry.Name}/{entry.Level}/{entry.Status}, published {row["name"]}/{row["level"]}");
            }
            else if (name.Length != row["name"].Length && entry.Parent != row["province_code"])
            {
                problems.Add($"{row["code"]}: marked as directly under the province, but parent is {entry.Parent}");
            }
        }

        var current = Regions.Entries.Count(e => e.IsCurrent);
        output.WriteLine($"{published.Count} published codes checked; {current} current and {Regions.Entries.Count - current} retired in the table.");
        Assert.Empty(problems);
        Assert.Equal(published.Count, current);
    }

    [Fact]
    public void Entries_Every_HasParentOneLevelUpInSameProvince()
    {
        foreach (var entry in Regions.Entries)
        {
            var parent = Regions.ParentOf(entry);
            if (entry.Level == RegionLevel.Province)
            {
                Assert.Null(parent);
                continue;
            }

            Assert.NotNull(parent);
            Assert.True(parent.Level < entry.Level, $"{entry.Code}: parent {parent.Code} is {parent.Level}");
            Assert.Equal(entry.Code[..2], parent.Code[..2]);
            Assert.Equal(RegionLevel.Province, Regions.ProvinceOf(entry.Code)?.Level);
        }
    }

    [Fact]
    public void Entries_Counts_MatchPublishedLevels()
    {
        var current = Regions.Entries.Where(e => e.IsCurrent).ToList();

        Assert.Equal(34, current.Count(e => e.Level == RegionLevel.Province));
        Assert.Equal(333, current.Count(e => e.Level == RegionLevel.Prefecture));
        Assert.Equal(2842, current.Count(e => e.Level == RegionLevel.County));
    }

    [Theory]
    [InlineData("110103", "崇文区", "110101")]
    [InlineData("110104", "宣武区", "110102")]
    [InlineData("310108", "闸北区", "310106")]
    [InlineData("120107", "塘沽区", "120116")]
    [InlineData("341400", "巢湖市", "340181")]
    public void Find_RetiredCode_ResolvesAsRetiredWithCurrentSuccessor(string code, string name, string successor)
    {
        var entry = Regions.Find(code);

        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
        Assert.Equal(RegionStatus.Retired, entry.Status);
        Assert.NotNull(entry.RetiredYear);
        Assert.Equal(successor, entry.Successor);
        Assert.True(Regions.IsCurrent(successor));
        Assert.True(Regions.IsKnown(code));
        Assert.False(Regions.IsCurrent(code));
    }

    [Fact]
    public void Entries_EveryRetired_HasYearNotesAndKnownSuccessor()
    {
        var retired = Regions.Entries.Where(e => !e.IsCurrent).ToList();

        Assert.NotEmpty(retired);
        Assert.All(retired, e =>
        {
            Assert.NotNull(e.RetiredYear);
            Assert.False(string.IsNullOrEmpty(e.Notes));
            Assert.True(e.Successor is null || Regions.IsKnown(e.Successor));
        });
    }

    [Theory]
    [InlineData("420106", "武昌区", "420100")]
    [InlineData("110101", "东城区", "110000")]
    [InlineData("429004", "仙桃市", "420000")]
    public void Find_CurrentCounty_ReturnsParent(string code, string name, string parent)
    {
        var entry = Regions.Find(code);

        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
        Assert.Equal(RegionLevel.County, entry.Level);
        Assert.Equal(parent, entry.Parent);
    }

    [Theory]
    [InlineData("420106", "420106")]
    [InlineData("420106001000", "420106")]
    [InlineData("11010319900101001X", "110103")]
    [InlineData("4201060001", "420106")]
    public void CountyOf_CodeOrLongerCode_ReturnsCounty(string code, string county)
    {
        Assert.Equal(county, Regions.CountyOf(code)?.Code);
    }

    [Theory]
    [InlineData("420100")]
    [InlineData("420000")]
    [InlineData("42")]
    [InlineData("999999")]
    public void CountyOf_NotACountyCode_ReturnsNull(string code)
    {
        Assert.Null(Regions.CountyOf(code));
    }

    [Fact]
    public void ProvinceOf_RetiredCounty_ReturnsProvince()
    {
        Assert.Equal("北京市", Regions.ProvinceOf("110104")?.Name);
        Assert.Equal("湖北省", Regions.ProvinceOf("420106")?.Name);
        Assert.Null(Regions.ProvinceOf("990000"));
    }
}
