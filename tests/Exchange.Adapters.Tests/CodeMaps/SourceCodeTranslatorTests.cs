using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Adapters.Tests.CodeSystems;
using Xunit.Abstractions;

namespace Exchange.Adapters.Tests.CodeMaps;

public class SourceCodeTranslatorTests(ITestOutputHelper output)
{
    private static readonly SourceCodeMap VendorMap = new(
        "vendor-x",
        3,
        [
            new CodeMapEntry(CodeMapSystem.Vaccine, "V01", "0202"),
            new CodeMapEntry(CodeMapSystem.Vaccine, "0101", "0303"),
            new CodeMapEntry(CodeMapSystem.Sex, "A", "1"),
            new CodeMapEntry(CodeMapSystem.Route, "7", "2"),
            new CodeMapEntry(CodeMapSystem.Region, "WH-JA", "420102"),
        ],
        "admin",
        DateTimeOffset.UnixEpoch,
        null);

    private static readonly SourceCodeTranslator Vendor = new(CanonicalCodeResolver.Default, VendorMap);

    [Theory]
    [InlineData("0202", "0202")]
    [InlineData("乙肝", "0202")]
    [InlineData("HepB", "0202")]
    [InlineData("hepb", "0202")]
    [InlineData("08", "0202")]
    [InlineData("cvx:8", "0202")]
    [InlineData("CVX: 08", "0202")]
    [InlineData("HepB-cho", "0201")]
    [InlineData("重组乙型肝炎疫苗(CHO细胞)", "0201")]
    [InlineData("19", "0101")]
    [InlineData("BCG", "0101")]
    [InlineData("卡介苗", "0101")]
    [InlineData(" ０２０２ ", "0202")]
    public void Translate_VaccineSpellings_ResolveToNationalCode(string reported, string expected)
    {
        var translation = SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Vaccine, reported);

        Assert.True(translation.Succeeded, translation.Error);
        Assert.Equal(expected, translation.Code);
        Assert.False(translation.FromMap);
    }

    [Fact]
    public void Translate_VendorLocalCodeWithoutMap_UnknownCodeSayingThereIsNoMap()
    {
        var translation = SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Vaccine, "V01");

        Assert.False(translation.Succeeded);
        Assert.Equal(ReasonCodes.UnknownCode, translation.Reason);
        Assert.Contains("no code map", translation.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V01", "0202")]
    [InlineData(" v01 ", "0202")]
    [InlineData("Ｖ０１", "0202")]
    public void Translate_VendorLocalCode_ResolvesThroughItsMap(string reported, string expected)
    {
        var translation = Vendor.Translate(CodeMapSystem.Vaccine, reported);

        Assert.Equal(expected, translation.Code);
        Assert.True(translation.FromMap);
        Assert.Equal("vendor-x@3", Vendor.MapVersion);
    }

    [Fact]
    public void Translate_MapEntryForANationalCode_OverridesTheHubTable()
    {
        Assert.Equal("0303", Vendor.Translate(CodeMapSystem.Vaccine, "0101").Code);
        Assert.Equal("0101", SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Vaccine, "0101").Code);
    }

    [Fact]
    public void Translate_UnmappedLocalCode_NamesTheMapVersion()
    {
        var translation = Vendor.Translate(CodeMapSystem.Vaccine, "V99");

        Assert.Equal(ReasonCodes.UnknownCode, translation.Reason);
        Assert.Contains("vendor-x@3", translation.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tOPV", ReasonCodes.AmbiguousCode)]
    [InlineData("02", ReasonCodes.AmbiguousCode)]
    [InlineData("9999999", ReasonCodes.UnknownCode)]
    [InlineData("0299", ReasonCodes.UnknownCode)]
    [InlineData("cvx:x1", ReasonCodes.Invalid)]
    public void Translate_UnusableVaccineCode_PreciseReason(string reported, string reason)
    {
        var translation = SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Vaccine, reported);

        Assert.False(translation.Succeeded);
        Assert.Equal(reason, translation.Reason);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("M", "1")]
    [InlineData("male", "1")]
    [InlineData("男", "1")]
    [InlineData("男性", "1")]
    [InlineData("2", "2")]
    [InlineData("f", "2")]
    [InlineData("女", "2")]
    [InlineData("unknown", "0")]
    [InlineData("9", "9")]
    public void Translate_SexSpellings_ResolveToGbt22611(string reported, string expected) =>
        Assert.Equal(expected, SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Sex, reported).Code);

    [Fact]
    public void Translate_SexLocalCode_OnlyThroughTheMap()
    {
        Assert.Equal(ReasonCodes.UnknownCode, SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Sex, "A").Reason);
        Assert.Equal("1", Vendor.Translate(CodeMapSystem.Sex, "a").Code);
    }

    [Theory]
    [InlineData(CodeMapSystem.Route, "IM", "1")]
    [InlineData(CodeMapSystem.Route, "肌内注射", "1")]
    [InlineData(CodeMapSystem.Route, "po", "4")]
    [InlineData(CodeMapSystem.Site, "LA", "1")]
    [InlineData(CodeMapSystem.Site, "右上臂三角肌", "2")]
    [InlineData(CodeMapSystem.Kind, "加强", "2")]
    [InlineData(CodeMapSystem.Kind, "Emergency", "4")]
    [InlineData(CodeMapSystem.Region, "420102", "420102")]
    [InlineData(CodeMapSystem.Region, "110103", "110103")]
    public void Translate_HubSpellings_Resolve(CodeMapSystem system, string reported, string expected) =>
        Assert.Equal(expected, SourceCodeTranslator.HubOnly.Translate(system, reported).Code);

    [Theory]
    [InlineData("429999", ReasonCodes.UnknownCode)]
    [InlineData("4201", ReasonCodes.Invalid)]
    public void Translate_UnusableRegion_PreciseReason(string reported, string reason) =>
        Assert.Equal(reason, SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Region, reported).Reason);

    [Fact]
    public void Translate_RegionLocalCode_ThroughTheMap()
    {
        Assert.Equal("420102", Vendor.Translate(CodeMapSystem.Region, "wh-ja").Code);
        Assert.Equal("2", Vendor.Translate(CodeMapSystem.Route, "7").Code);
    }

    [Fact]
    public void Translate_EveryHepatitisBCvxOfTheCdcTable_ResolvesToAHepatitisBProductOrSaysWhyNot()
    {
        var path = SharedData.Find("cvx-mvx/cvx_to_vaccine_group.csv");
        if (path is null)
        {
            output.WriteLine("Skipped: ../shared/data/cvx-mvx/cvx_to_vaccine_group.csv (beside the folder holding Exchange.sln) was not found.");
            return;
        }

        var hepB = SharedData.ReadCsv(path).Where(row => row["Vaccine Group Name"] == "HepB").Select(row => row["CVXCode"]).Distinct().ToList();
        Assert.NotEmpty(hepB);

        foreach (var cvx in hepB)
        {
            var translation = SourceCodeTranslator.HubOnly.Translate(CodeMapSystem.Vaccine, "cvx:" + cvx);
            if (translation.Succeeded)
            {
                var entry = CanonicalCodeResolver.Default.Codes.Vaccines.Find(translation.Code!)!;
                Assert.Contains("乙型肝炎", entry.Name, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(translation.Reason, new[] { ReasonCodes.UnknownCode, ReasonCodes.AmbiguousCode });
                Assert.Contains($"CVX {cvx}", translation.Error, StringComparison.Ordinal);
            }
        }
    }
}
