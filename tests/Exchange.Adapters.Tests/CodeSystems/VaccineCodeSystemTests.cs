using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Validation.Formats;
using Xunit.Abstractions;

namespace Exchange.Adapters.Tests.CodeSystems;

public class VaccineCodeSystemTests(ITestOutputHelper output)
{
    private static readonly VaccineCodeSystem Vaccines = HubCodeSystems.Default.Vaccines;

    [Fact]
    public void Codes_Every_PassesFormatCheckAndHasCategory()
    {
        Assert.NotEmpty(Vaccines.Codes);
        foreach (var entry in Vaccines.Codes)
        {
            Assert.Null(VaccineCode.Check(entry.Code));
            Assert.Equal(entry.Code[..2], entry.Category);
            Assert.NotNull(Vaccines.FindCategory(entry.Code));
        }
    }

    [Theory]
    [InlineData("0101", "BCG", "19", NipStatus.Yes, true)]
    [InlineData("0201", "HepB-cho", "45", NipStatus.Yes, false)]
    [InlineData("0202", "HepB-scy", "45", NipStatus.Yes, false)]
    [InlineData("0203", "HepB-hpy", "45", NipStatus.Yes, false)]
    [InlineData("0303", "IPV", "10", NipStatus.Yes, false)]
    [InlineData("0311", "bOPV", "178", NipStatus.Yes, true)]
    [InlineData("0402", "DTaP", "20", NipStatus.Yes, false)]
    [InlineData("1201", "MMR", "03", NipStatus.Yes, true)]
    [InlineData("1401", "MR", "04", NipStatus.Historical, true)]
    [InlineData("0301", "tOPV", "02", NipStatus.Historical, true)]
    [InlineData("2201", "Var", "21", NipStatus.No, true)]
    [InlineData("5501", "HPV2", "118", NipStatus.Yes, false)]
    [InlineData("1801", "JE-L", null, NipStatus.Yes, true)]
    public void Find_KnownCode_ReturnsEntry(string code, string shortName, string? cvx, NipStatus nip, bool live)
    {
        var entry = Vaccines.Find(code);

        Assert.NotNull(entry);
        Assert.Equal(shortName, entry.ShortName);
        Assert.Equal(cvx, entry.Cvx);
        Assert.Equal(nip, entry.Nip);
        Assert.Equal(live, entry.IsLive);
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("0102")]
    [InlineData("BCG")]
    public void Find_UnknownCode_ReturnsNull(string code)
    {
        Assert.Null(Vaccines.Find(code));
    }

    [Theory]
    [InlineData("45", new[] { "0201", "0202", "0203" })]
    [InlineData("045", new[] { "0201", "0202", "0203" })]
    [InlineData("19", new[] { "0101" })]
    [InlineData("3", new[] { "1201" })]
    [InlineData("10", new[] { "0303", "0306" })]
    [InlineData("999", new string[0])]
    [InlineData("x1", new string[0])]
    public void FindByCvx_Code_ReturnsNationalCodes(string cvx, string[] expected)
    {
        Assert.Equal(expected, Vaccines.FindByCvx(cvx).Select(e => e.Code));
    }

    [Fact]
    public void InCategory_HepB_ReturnsThreeCodes()
    {
        Assert.Equal(["0201", "0202", "0203"], Vaccines.InCategory("02").Select(e => e.Code));
        Assert.Equal("乙肝疫苗", Vaccines.FindCategory("02")?.Name);
        Assert.Equal("卡介苗", Vaccines.FindCategory("0101")?.Name);
    }

    [Fact]
    public void Categories_FirstSeventeen_MatchPublishedCategoryList()
    {
        // Source 2's 2-digit list as quoted in the facts file; 01 is BCG, not HepB.
        string[] expected = ["卡介苗", "乙肝", "脊灰", "百白破", "百白", "白破", "白喉", "破伤风", "麻疹", "腮腺炎", "风疹", "麻腮风", "麻腮", "麻风", "腮风", "A群流脑", "A群C群流脑"];

        for (var i = 0; i < expected.Length; i++)
        {
            var category = Vaccines.FindCategory((i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotNull(category);
            Assert.StartsWith(expected[i], category.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cvx_EveryMapping_IsInCdcCvxTable()
    {
        var path = SharedData.Find("cvx-mvx/cvx.csv");
        if (path is null)
        {
            output.WriteLine("Skipped: ../shared/data/cvx-mvx/cvx.csv (beside the folder holding Exchange.sln) was not found.");
            return;
        }

        var cvx = SharedData.ReadCsv(path).ToDictionary(r => r["CVXCode"].Trim(), r => r, StringComparer.Ordinal);
        var mapped = Vaccines.Codes.Where(c => c.Cvx is not null).ToList();
        foreach (var entry in mapped)
        {
            Assert.True(cvx.ContainsKey(entry.Cvx!), $"{entry.Code} maps to CVX {entry.Cvx}, which is not in {path}");
            Assert.NotEqual("Never Active", cvx[entry.Cvx!]["Status"]);
        }

        output.WriteLine($"{mapped.Count} of {Vaccines.Codes.Count} national codes map to CVX; all found in {cvx.Count} CVX rows.");
        Assert.True(mapped.Count > 40);
    }

    [Theory]
    [InlineData("0101", "BCG")]
    [InlineData("1201", "MMR")]
    [InlineData("0303", "IPV")]
    [InlineData("0311", "OPV bivalent")]
    [InlineData("0402", "DTaP")]
    [InlineData("2201", "varicella")]
    [InlineData("2503", "Pneumococcal conjugate PCV 13")]
    [InlineData("5503", "HPV9")]
    [InlineData("3901", "HBIG")]
    public void Cvx_SelectedMappings_MatchCdcShortDescription(string code, string shortDescription)
    {
        var path = SharedData.Find("cvx-mvx/cvx.csv");
        if (path is null)
        {
            output.WriteLine("Skipped: ../shared/data/cvx-mvx/cvx.csv was not found.");
            return;
        }

        var cvx = SharedData.ReadCsv(path).ToDictionary(r => r["CVXCode"].Trim(), r => r["ShortDescription"], StringComparer.Ordinal);

        Assert.Equal(shortDescription, cvx[Vaccines.Find(code)!.Cvx!]);
    }

    [Fact]
    public void HepB_Cvx_IsUnspecifiedFormulationBecauseCodeCarriesNoDosage()
    {
        var path = SharedData.Find("cvx-mvx/cvx.csv");
        if (path is null)
        {
            output.WriteLine("Skipped: ../shared/data/cvx-mvx/cvx.csv was not found.");
            return;
        }

        var cvx = SharedData.ReadCsv(path).ToDictionary(r => r["CVXCode"].Trim(), r => r["ShortDescription"], StringComparer.Ordinal);

        Assert.All(Vaccines.InCategory("02"), e => Assert.Equal("Hep B, unspecified formulation", cvx[e.Cvx!]));
    }

    [Theory]
    [InlineData("8", "08")]
    [InlineData("08", "08")]
    [InlineData(" 133 ", "133")]
    [InlineData("1000", null)]
    [InlineData("", null)]
    public void NormalizeCvx_Input_ReturnsCanonical(string input, string? expected)
    {
        Assert.Equal(expected, VaccineCodeSystem.NormalizeCvx(input));
    }
}
