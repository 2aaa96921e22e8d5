using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Model;
using Exchange.Hub.Fhir;
using Exchange.Hub.Fhir.VaccineCodes;
using Exchange.Hub.Fhir.Writes;

namespace Exchange.Hub.Tests.Fhir;

public sealed class VaccineCodeTranslatorTests
{
    private static readonly VaccineCodeTranslator Translator = VaccineCodeTranslator.Default;

    [Theory]
    [InlineData("19", "0101", null)]
    [InlineData("08", "0201", "08")]
    [InlineData("140", "2102", "140")]
    [InlineData("133", "2503", null)]
    [InlineData("115", "0402", "115")]
    public void ToCanonical_Cvx_NationalCodeAndKeptCvx(string cvx, string national, string? kept)
    {
        var result = Translator.ToCanonical([new SourceCode(FhirSystems.Cvx, cvx)], "Immunization.vaccineCode");

        Assert.Equal(new VaccineCoding(national, kept), result.Value);
    }

    [Fact]
    public void ToCanonical_NationalCodePreferredOverCvx()
    {
        var result = Translator.ToCanonical([new SourceCode(FhirSystems.Cvx, "45"), new SourceCode(FhirSystems.NationalVaccineCode, "0202")], "f");

        Assert.Equal("0202", result.Value.NationalCode);
    }

    [Fact]
    public void ToCanonical_LocalCodeOrUnmappedCvx_IssueAtField()
    {
        var local = Translator.ToCanonical([new SourceCode("urn:oid:1.2.36.1.2001.1005.17", "FLUVAX")], "Immunization.vaccineCode");
        var covid = Translator.ToCanonical([new SourceCode(FhirSystems.Cvx, "208")], "Immunization.vaccineCode");

        Assert.Equal("Immunization.vaccineCode", Assert.Single(local.Issues).Field);
        Assert.Contains("CVX 208", Assert.Single(covid.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCanonical_LocalCodeInTheSendersMap_NationalCode()
    {
        var map = new SourceCodeMap("his-a", 3, [new CodeMapEntry(CodeMapSystem.Vaccine, "V01", "0202")], "admin", DateTimeOffset.UnixEpoch, null);
        var codes = new SourceCodeTranslator(CanonicalCodeResolver.Default, map);

        var vendor = Translator.ToCanonical([new SourceCode("urn:vendor:x", "v01")], "Immunization.vaccineCode", codes);
        var noSystem = Translator.ToCanonical([new SourceCode(null, "V01")], "Immunization.vaccineCode", codes);
        var unmapped = Translator.ToCanonical([new SourceCode("urn:vendor:x", "V02")], "Immunization.vaccineCode", codes);

        Assert.Equal(new VaccineCoding("0202", null), vendor.Value);
        Assert.Equal(new VaccineCoding("0202", null), noSystem.Value);
        var issue = Assert.Single(unmapped.Issues);
        Assert.Equal(("Immunization.vaccineCode", "unknown-code"), (issue.Field, issue.Reason));
        Assert.Contains("his-a@3", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCanonical_LocalCodeLooksLikeAHubCode_OnlyTheMapReadsIt()
    {
        var result = Translator.ToCanonical([new SourceCode("urn:vendor:x", "0202")], "Immunization.vaccineCode", SourceCodeTranslator.HubOnly);

        Assert.Equal("unknown-code", Assert.Single(result.Issues).Reason);
    }

    [Fact]
    public void DoseNumbering_AbsentNumbers_CountStoredAndEarlierDosesOfSameCode()
    {
        var stored = new VaccinationEvent("h-1", new Dose("0201", 1, new DateOnly(2024, 1, 1), null, null, null, null, "4201020001", Route.Unknown, Site.Unknown, null, VaccinationKind.Routine), []);

        var numbers = DoseNumbering.Assign([stored], [("0201", new DateOnly(2024, 3, 1), null), ("0201", new DateOnly(2024, 2, 1), null), ("0201", new DateOnly(2024, 1, 1), null), ("0101", new DateOnly(2024, 1, 1), 1)]);

        Assert.Equal([3, 2, 1, 1], numbers);
    }
}
