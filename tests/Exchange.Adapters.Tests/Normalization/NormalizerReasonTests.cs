using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Tests.Normalization;

/// <summary>Every reason code the normalizers give, on the field that caused it; and the spellings they accept.</summary>
public class NormalizerReasonTests
{
    private const string ResidentId = "42010220240315009X";
    private const string MotherId = "420102199001010022";
    private static readonly DateOnly Today = new(2025, 6, 30);

    public static TheoryData<string, string, string> PersonProblems => new()
    {
        { "id-check-digit", "child.identifiers[0].value", ReasonCodes.InvalidIdNumber },
        { "mother-id", "child.mother.id_number", ReasonCodes.InvalidIdNumber },
        { "child-code", "child.identifiers[1].value", ReasonCodes.InvalidIdentifier },
        { "phone", "child.mother.phone", ReasonCodes.InvalidPhone },
        { "birth-date-format", "child.birth_date", ReasonCodes.InvalidDate },
        { "birth-date-impossible", "child.birth_date", ReasonCodes.ImpossibleDate },
        { "birth-date-future", "child.birth_date", ReasonCodes.ImpossibleDate },
        { "birth-time", "child.birth_time", ReasonCodes.InvalidDate },
        { "name-digit", "child.name", ReasonCodes.InvalidName },
        { "name-missing", "child.name", ReasonCodes.Required },
        { "sex-unknown", "child.sex", ReasonCodes.UnknownCode },
        { "sex-missing", "child.sex", ReasonCodes.Required },
        { "region-unknown", "child.residence_region", ReasonCodes.UnknownCode },
        { "region-malformed", "child.household_region", ReasonCodes.Invalid },
    };

    public static TheoryData<string, string, string> DoseProblems => new()
    {
        { "vaccine-unknown", "d.vaccine_code", ReasonCodes.UnknownCode },
        { "vaccine-ambiguous", "d.vaccine_code", ReasonCodes.AmbiguousCode },
        { "date-format", "d.date", ReasonCodes.InvalidDate },
        { "date-impossible", "d.date", ReasonCodes.ImpossibleDate },
        { "date-before-birth", "d.date", ReasonCodes.ImpossibleDate },
        { "route-unknown", "d.route_code", ReasonCodes.UnknownCode },
        { "site-unknown", "d.site_code", ReasonCodes.UnknownCode },
        { "kind-unknown", "d.kind_code", ReasonCodes.UnknownCode },
    };

    [Theory]
    [MemberData(nameof(PersonProblems))]
    public void Normalize_PersonProblem_ReasonOnTheField(string problem, string field, string reason)
    {
        var reported = problem switch
        {
            "id-check-digit" => Child() with { Identifiers = [new(IdentifierKind.ResidentId, "420102202403150091")] },
            "mother-id" => Child() with { Mother = new Contact("李娜", "420102199001010023", null) },
            "child-code" => Child() with { Identifiers = [new(IdentifierKind.ResidentId, ResidentId), new(IdentifierKind.ChildCode, "12")] },
            "phone" => Child() with { Mother = new Contact("李娜", MotherId, "12345") },
            "birth-date-format" => Child() with { BirthDate = "15/03/2024" },
            "birth-date-impossible" => Child() with { BirthDate = "2023-02-29" },
            "birth-date-future" => Child() with { BirthDate = "2026-01-01" },
            "birth-time" => Child() with { BirthTime = "8h30" },
            "name-digit" => Child() with { Name = "王小明3" },
            "name-missing" => Child() with { Name = " " },
            "sex-unknown" => Child() with { Sex = null, SexCode = "X" },
            "sex-missing" => Child() with { Sex = null },
            "region-unknown" => Child() with { ResidenceRegion = "429999" },
            _ => Child() with { HouseholdRegion = "4201" },
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(field, issue.Field);
        Assert.Equal(reason, issue.Reason);
    }

    [Theory]
    [MemberData(nameof(DoseProblems))]
    public void Normalize_DoseProblem_ReasonOnTheField(string problem, string field, string reason)
    {
        var reported = problem switch
        {
            "vaccine-unknown" => Dose() with { VaccineCode = "V01" },
            "vaccine-ambiguous" => Dose() with { VaccineCode = "Rab" },
            "date-format" => Dose() with { Date = "March 15" },
            "date-impossible" => Dose() with { Date = "2024-04-31" },
            "date-before-birth" => Dose() with { Date = "2024-03-14" },
            "route-unknown" => Dose() with { RouteCode = "99" },
            "site-unknown" => Dose() with { SiteCode = "左脚" },
            _ => Dose() with { KindCode = "routine-ish" },
        };

        var result = VaccinationNormalizer.Normalize(reported, "d", new DateOnly(2024, 3, 15), Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(field, issue.Field);
        Assert.Equal(reason, issue.Reason);
    }

    [Fact]
    public void Normalize_VendorSpellings_SameCanonicalPerson()
    {
        var reported = Child() with
        {
            Identifiers = [new(IdentifierKind.ResidentId, "４２０１０２２０２４０３１５００９ｘ")],
            Sex = null,
            SexCode = "男",
            BirthDate = "2024年3月15日",
            BirthTime = null,
            Mother = new Contact("李娜", MotherId.ToLowerInvariant(), "0086 138-1234-5678"),
            HouseholdRegion = "110103",
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        var demographics = result.Value.Demographics;
        Assert.Equal(ResidentId, result.Value.Identifiers[0].Value);
        Assert.Equal(Sex.Male, demographics.Sex);
        Assert.Equal(new DateOnly(2024, 3, 15), demographics.BirthDate);
        Assert.Equal("+8613812345678", demographics.Mother!.Phone);
        Assert.Equal("110103", demographics.HouseholdRegion);
    }

    [Fact]
    public void Normalize_BirthDateTimeInUtc_ChinaDateAndTime()
    {
        var result = PersonNormalizer.Normalize(Child() with { BirthDate = "2024-03-14T16:30:00Z", BirthTime = null }, "child", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(new DateOnly(2024, 3, 15), result.Value.Demographics.BirthDate);
        Assert.Equal(new TimeOnly(0, 30), result.Value.Demographics.BirthTime);
    }

    [Fact]
    public void Normalize_DoseThroughVendorMap_RecordsTheMapVersion()
    {
        var map = new SourceCodeMap(
            "vendor-x", 2,
            [new(CodeMapSystem.Vaccine, "V01", "0202"), new(CodeMapSystem.Route, "9", "1"), new(CodeMapSystem.Site, "L", "1"), new(CodeMapSystem.Kind, "0", "1")],
            "admin", DateTimeOffset.UnixEpoch, null);
        var reported = Dose() with { VaccineCode = "V01", RouteCode = "9", SiteCode = "L", KindCode = "0", Date = "2024-03-15T02:00:00+08:00" };

        var result = VaccinationNormalizer.Normalize(reported, "d", new DateOnly(2024, 3, 15), Today, new SourceCodeTranslator(CanonicalCodeResolver.Default, map));

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal("0202", result.Value.Dose.VaccineCode);
        Assert.Equal((Route.Intramuscular, Site.LeftUpperArm, VaccinationKind.Routine), (result.Value.Dose.Route, result.Value.Dose.Site, result.Value.Dose.Kind));
        Assert.Equal(new DateOnly(2024, 3, 15), result.Value.Dose.Date);
        Assert.Equal("vendor-x@2", result.Value.CodeMapVersion);
    }

    [Fact]
    public void Normalize_DoseWithoutMap_NoMapVersion()
    {
        var result = VaccinationNormalizer.Normalize(Dose() with { VaccineCode = "乙肝" }, "d", null, Today);

        Assert.Equal("0202", result.Value.Dose.VaccineCode);
        Assert.Null(result.Value.CodeMapVersion);
    }

    private static ReportedPerson Child() => new(
        [new ReportedIdentifier(IdentifierKind.ResidentId, ResidentId)],
        "王小明",
        Sex.Male,
        "2024-03-15",
        "08:30",
        3250,
        new Contact("李娜", MotherId, "13812345678"),
        null,
        "420102",
        "420102",
        "4201020101");

    private static ReportedVaccination Dose() => new(
        "0201", 1, "2024-03-15", "202401A", "2026-01-31", "HB", null, "4201020101",
        Route.Intramuscular, Site.RightUpperArm, null, VaccinationKind.Routine, null);
}
