using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Tests.Normalization;

public class PersonNormalizerTests
{
    private const string ChildCode = "420102010120240001";
    private const string BirthCertificate = "O420123456";

    // Born 2024-03-15 in 420102, sequence 009 (odd: male); the GB 11643 check character is X.
    private const string MaleResidentId = "42010220240315009X";
    private const string MotherId = "420102199001010022";

    private static readonly DateOnly Today = new(2025, 6, 30);

    [Fact]
    public void Normalize_ValidChild_Succeeds()
    {
        var result = PersonNormalizer.Normalize(ValidChild(), "child", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(
            [
                new PersonIdentifier(IdentifierKind.ChildCode, ChildCode),
                new PersonIdentifier(IdentifierKind.BirthCertificate, BirthCertificate),
                new PersonIdentifier(IdentifierKind.ResidentId, MaleResidentId),
            ],
            result.Value.Identifiers);
        Assert.Equal(
            new Demographics(
                "王 小明", Sex.Male, new DateOnly(2024, 3, 15), new TimeOnly(8, 30), 3250,
                new Contact("李 娜", MotherId, "13812345678"), null, "420102", "420102", "4201020101"),
            result.Value.Demographics);
    }

    [Fact]
    public void Normalize_SloppyButValidInput_IsCanonical()
    {
        var reported = ValidChild() with
        {
            Identifiers =
            [
                new ReportedIdentifier(IdentifierKind.ChildCode, FullWidth(ChildCode)),
                new ReportedIdentifier(IdentifierKind.BirthCertificate, " o420123456 "),
                new ReportedIdentifier(IdentifierKind.ResidentId, "42010220240315009x"),
            ],
            Name = "\u3000王\u3000 小明 ",
            BirthDate = FullWidth("2024-03-15"),
            BirthTime = " 08:30:00 ",
            Mother = new Contact(" 李  娜 ", FullWidth(MotherId), "138-1234-5678"),
            ResidenceRegion = FullWidth("420102"),
            ManagingUnit = " 4201 0201 01 ",
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(PersonNormalizer.Normalize(ValidChild(), "child", Today).Value.Demographics, result.Value.Demographics with { NameAsReported = null });
        Assert.Equal("\u3000王\u3000 小明 ", result.Value.Demographics.NameAsReported);
        Assert.Equal(
            [ChildCode, BirthCertificate, MaleResidentId],
            result.Value.Identifiers.Select(identifier => identifier.Value));
    }

    [Fact]
    public void Normalize_EverythingMissing_ReportsEachRequiredFieldByPath()
    {
        var reported = new ReportedPerson([], null, null, null, null, null, null, null, null, null, null);

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["child.birth_date", "child.identifiers", "child.managing_unit", "child.name", "child.residence_region", "child.sex"],
            result.Issues.Select(issue => issue.Field).Order(StringComparer.Ordinal));
        Assert.All(result.Issues, issue => Assert.Equal(IssueCode.Invalid, issue.Code));
    }

    [Theory]
    [InlineData("child.identifiers")]
    [InlineData("child.name")]
    [InlineData("child.sex")]
    [InlineData("child.birth_date")]
    [InlineData("child.residence_region")]
    [InlineData("child.managing_unit")]
    public void Normalize_OneRequiredFieldMissing_ReportsExactlyThatField(string field)
    {
        var valid = ValidChild();
        var reported = field switch
        {
            "child.identifiers" => valid with { Identifiers = [] },
            "child.name" => valid with { Name = " \u3000" },
            "child.sex" => valid with { Sex = null },
            "child.birth_date" => valid with { BirthDate = "" },
            "child.residence_region" => valid with { ResidenceRegion = null },
            _ => valid with { ManagingUnit = "  " },
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal(field, Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_OptionalFieldsMissing_Succeeds()
    {
        var reported = ValidChild() with { BirthTime = null, BirthWeightGrams = null, Mother = null, Guardian = null, HouseholdRegion = null };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Null(result.Value.Demographics.Mother);
        Assert.Null(result.Value.Demographics.HouseholdRegion);
    }

    [Fact]
    public void Normalize_BirthDateAfterToday_ReportsBirthDate()
    {
        var reported = ValidChild() with { BirthDate = "2025-07-01" };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("child.birth_date", issue.Field);
        Assert.Contains("future", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BirthDateToday_Succeeds()
    {
        var reported = ValidChild() with { BirthDate = "2025-06-30", Identifiers = [new ReportedIdentifier(IdentifierKind.ChildCode, ChildCode)] };

        Assert.True(PersonNormalizer.Normalize(reported, "child", Today).Succeeded);
    }

    [Theory]
    [InlineData("15/03/2024")]
    [InlineData("2024-3")]
    [InlineData("2024-02-30")]
    public void Normalize_BirthDateNotADate_ReportsBirthDate(string birthDate)
    {
        var result = PersonNormalizer.Normalize(ValidChild() with { BirthDate = birthDate }, "child", Today);

        Assert.Equal("child.birth_date", Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_ResidentIdBirthDateDiffers_ReportsIdentifiers()
    {
        var reported = ValidChild() with { BirthDate = "2024-03-16" };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("child.identifiers", issue.Field);
        Assert.Contains("2024-03-15", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ResidentIdSexDiffers_ReportsIdentifiers()
    {
        var reported = ValidChild() with { Sex = Sex.Female };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("child.identifiers", issue.Field);
        Assert.Contains("male", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sex.NotKnown)]
    [InlineData(Sex.NotStated)]
    public void Normalize_SexNotKnownWithResidentId_Succeeds(Sex sex)
    {
        Assert.True(PersonNormalizer.Normalize(ValidChild() with { Sex = sex }, "child", Today).Succeeded);
    }

    [Fact]
    public void Normalize_BadMotherIdAndPhone_ReportsMotherPaths()
    {
        var reported = ValidChild() with { Mother = new Contact("李娜", "420102199001010023", "12345") };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal(["child.mother.id_number", "child.mother.phone"], result.Issues.Select(issue => issue.Field));
    }

    [Fact]
    public void Normalize_BadGuardianPhone_ReportsGuardianPath()
    {
        var reported = ValidChild() with { Guardian = new Contact("王大明", null, "027-0765432") };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal("child.guardian.phone", Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_BlankContact_BecomesNull()
    {
        var reported = ValidChild() with { Mother = new Contact(" ", "\u3000", null) };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Null(result.Value.Demographics.Mother);
    }

    [Fact]
    public void Normalize_TwoDifferentValuesOfOneKind_ReportsTheSecondIdentifier()
    {
        var reported = ValidChild() with
        {
            Identifiers =
            [
                new ReportedIdentifier(IdentifierKind.ChildCode, ChildCode),
                new ReportedIdentifier(IdentifierKind.ChildCode, "420102010120240002"),
            ],
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("child.identifiers[1]", issue.Field);
        Assert.Contains(nameof(IdentifierKind.ChildCode), issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SameIdentifierTwice_KeepsOne()
    {
        var reported = ValidChild() with
        {
            Identifiers =
            [
                new ReportedIdentifier(IdentifierKind.ChildCode, ChildCode),
                new ReportedIdentifier(IdentifierKind.ChildCode, FullWidth(ChildCode)),
            ],
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal([new PersonIdentifier(IdentifierKind.ChildCode, ChildCode)], result.Value.Identifiers);
    }

    [Fact]
    public void Normalize_MalformedIdentifier_ReportsItsIndexedValuePath()
    {
        var reported = ValidChild() with
        {
            Identifiers =
            [
                new ReportedIdentifier(IdentifierKind.ChildCode, ChildCode),
                new ReportedIdentifier(IdentifierKind.BirthCertificate, "O42012345"),
            ],
        };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal("child.identifiers[1].value", Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_HubIdAsIdentifier_IsRefused()
    {
        var reported = ValidChild() with { Identifiers = [new ReportedIdentifier(IdentifierKind.HubId, "0193a8c4e2f07b7d9a1b2c3d4e5f6071")] };

        var result = PersonNormalizer.Normalize(reported, "child", Today);

        Assert.Equal("child.identifiers[0].value", Assert.Single(result.Issues).Field);
    }

    [Theory]
    [InlineData(299)]
    [InlineData(8001)]
    public void Normalize_ImplausibleBirthWeight_ReportsBirthWeight(int grams)
    {
        var result = PersonNormalizer.Normalize(ValidChild() with { BirthWeightGrams = grams }, "child", Today);

        Assert.Equal("child.birth_weight_grams", Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_BadBirthTimeAndRegions_ReportsEveryField()
    {
        var reported = ValidChild() with { BirthTime = "25:00", HouseholdRegion = "990102", ManagingUnit = "4201020000" };

        var result = PersonNormalizer.Normalize(reported, "newborn", Today);

        Assert.Equal(
            ["newborn.birth_time", "newborn.household_region", "newborn.managing_unit"],
            result.Issues.Select(issue => issue.Field));
    }

    [Fact]
    public void Normalize_NameTooLong_ReportsName()
    {
        var result = PersonNormalizer.Normalize(ValidChild() with { Name = new string('王', 65) }, "child", Today);

        Assert.Equal("child.name", Assert.Single(result.Issues).Field);
    }

    private static ReportedPerson ValidChild() => new(
        [
            new ReportedIdentifier(IdentifierKind.ChildCode, ChildCode),
            new ReportedIdentifier(IdentifierKind.BirthCertificate, BirthCertificate),
            new ReportedIdentifier(IdentifierKind.ResidentId, MaleResidentId),
        ],
        "王 小明",
        Sex.Male,
        "2024-03-15",
        "08:30",
        3250,
        new Contact("李 娜", MotherId, "13812345678"),
        null,
        "420102",
        "420102",
        "4201020101");

    private static string FullWidth(string ascii) =>
        string.Concat(ascii.Select(c => c == ' ' ? '\u3000' : (char)(c + 0xFEE0)));
}
