using Exchange.Adapters.CodeSystems;

namespace Exchange.Adapters.Tests.CodeSystems;

public class HubCodeSystemsTests
{
    private static readonly HubCodeSystems Codes = HubCodeSystems.Default;

    [Fact]
    public void Default_LoadsOnce_ReturnsSameInstance()
    {
        Assert.Same(HubCodeSystems.Default, HubCodeSystems.Default);
    }

    [Theory]
    [InlineData("vaccine-codes.csv")]
    [InlineData("vaccine-categories.csv")]
    [InlineData("regions-gbt2260.csv")]
    [InlineData("sex.csv")]
    [InlineData("route.csv")]
    [InlineData("site.csv")]
    [InlineData("vaccination-kind.csv")]
    public void Default_EveryDataRow_IsLoaded(string file)
    {
        var loaded = file switch
        {
            "vaccine-codes.csv" => Codes.Vaccines.Codes.Count,
            "vaccine-categories.csv" => Codes.Vaccines.Categories.Count,
            "regions-gbt2260.csv" => Codes.Regions.Entries.Count,
            "sex.csv" => Codes.Sexes.Entries.Count,
            "route.csv" => Codes.Routes.Entries.Count,
            "site.csv" => Codes.Sites.Entries.Count,
            _ => Codes.VaccinationKinds.Entries.Count,
        };

        Assert.Equal(EmbeddedData.DataLineCount(file), loaded);
    }

    [Fact]
    public void Versions_EveryDataFile_HasManifestEntry()
    {
        var files = Codes.Versions.Select(v => v.File).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["code-aliases.csv", "regions-gbt2260.csv", "route.csv", "sex.csv", "site.csv", "vaccination-kind.csv", "vaccine-categories.csv", "vaccine-codes.csv"],
            files);
        Assert.False(string.IsNullOrEmpty(Codes.Version));
        Assert.Equal("2023.12", Codes.VersionOf("regions-gbt2260")?.Version);
        Assert.Equal(new DateOnly(2023, 12, 31), Codes.VersionOf("regions-gbt2260")?.Effective);
    }

    [Fact]
    public void Load_MalformedVaccineRow_FailsWithFileAndLine()
    {
        var text = EmbeddedData.ReadText("vaccine-codes.csv") + "12AB,12,坏行,Bad,yes,,no,\n";
        var lastLine = text.Split('\n').Count(l => l.Length > 0);

        var ex = Assert.Throws<CodeSystemFormatException>(() => HubCodeSystems.Load(EmbeddedData.With("vaccine-codes.csv", text)));

        Assert.Equal("vaccine-codes.csv", ex.File);
        Assert.Equal(lastLine, ex.Line);
        Assert.Contains($"vaccine-codes.csv, line {lastLine}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code,name_zh,level,parent,status,retired,successor,notes\n110000,北京市,province,,current,,,\n110101,东城区,county,110000,current,,\n", 3, "7 fields")]
    [InlineData("code,name_zh,level,parent,status,retired,successor,notes\n110000,北京市,province,,current,,,\n110101,东城区,district,110000,current,,,\n", 3, "level")]
    [InlineData("code,name_zh,level,parent,status,retired,successor,notes\n110101,东城区,county,110000,current,,,\n", 2, "parent 110000")]
    [InlineData("code,name_zh,level,parent,status,retired,successor,notes\n110000,北京市,province,,current,,,\n110103,崇文区,county,110000,retired,,,\n", 3, "retired year")]
    [InlineData("code,name,level\n", 1, "header")]
    public void Load_MalformedRegionFile_FailsWithFileAndLine(string content, int line, string reason)
    {
        var ex = Assert.Throws<CodeSystemFormatException>(() => HubCodeSystems.Load(EmbeddedData.With("regions-gbt2260.csv", content)));

        Assert.Equal("regions-gbt2260.csv", ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownEnumMember_Fails()
    {
        var content = "code,value,name_zh,hl7,notes\n0,NotKnown,未知,,\n1,Man,男,,\n";

        var ex = Assert.Throws<CodeSystemFormatException>(() => HubCodeSystems.Load(EmbeddedData.With("sex.csv", content)));

        Assert.Equal(3, ex.Line);
        Assert.Contains("Man", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Fails()
    {
        var ex = Assert.Throws<CodeSystemFormatException>(() => HubCodeSystems.Load(EmbeddedData.With("site.csv", null)));

        Assert.Equal("site.csv", ex.File);
    }

    [Fact]
    public void Load_QuotedFieldWithComma_IsOneField()
    {
        var content = EmbeddedData.ReadText("vaccine-codes.csv") + "9998,99,测试,Test,no,,no,\"a, \"\"quoted\"\" note\"\n";

        var codes = HubCodeSystems.Load(EmbeddedData.With("vaccine-codes.csv", content));

        Assert.Equal("a, \"quoted\" note", codes.Vaccines.Find("9998")?.Notes);
    }
}
