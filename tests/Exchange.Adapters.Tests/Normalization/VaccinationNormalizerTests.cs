using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;

namespace Exchange.Adapters.Tests.Normalization;

public class VaccinationNormalizerTests
{
    private const string Field = "vaccinations[2]";
    private static readonly DateOnly BirthDate = new(2024, 3, 15);
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Fact]
    public void Normalize_ValidDose_ReturnsCanonicalReport()
    {
        var result = VaccinationNormalizer.Normalize(ValidDose(), Field, BirthDate, Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(
            new DoseReport(
                new Dose(
                    "0201", 1, new DateOnly(2024, 3, 15), "202401A", new DateOnly(2026, 1, 31), "HB", "81234560000000000001",
                    "4201020101", Route.Intramuscular, Site.RightUpperArm, "张 护士", VaccinationKind.Booster),
                "rec-7"),
            result.Value);
    }

    [Fact]
    public void Normalize_SloppyButValidDose_IsCanonical()
    {
        var reported = ValidDose() with
        {
            VaccineCode = "０２０１",
            Date = "２０２４－０３－１５",
            LotNumber = " 202401A ",
            AdministeringUnit = " 4201 020101 ",
            Vaccinator = "\u3000张\u3000\u3000护士",
        };

        var result = VaccinationNormalizer.Normalize(reported, Field, BirthDate, Today);

        Assert.Equal(VaccinationNormalizer.Normalize(ValidDose(), Field, BirthDate, Today).Value, result.Value);
    }

    [Fact]
    public void Normalize_DoseBeforeBirth_ReportsDate()
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { Date = "2024-03-14" }, Field, BirthDate, Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal($"{Field}.date", issue.Field);
        Assert.Contains("before the birth date 2024-03-15", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BirthDateUnknown_AcceptsAnyPastDate()
    {
        Assert.True(VaccinationNormalizer.Normalize(ValidDose() with { Date = "2020-01-01" }, Field, null, Today).Succeeded);
    }

    [Fact]
    public void Normalize_DateAfterToday_ReportsDate()
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { Date = "2025-07-01" }, Field, BirthDate, Today);

        var issue = Assert.Single(result.Issues);
        Assert.Equal($"{Field}.date", issue.Field);
        Assert.Contains("future", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("15.3.2024")]
    public void Normalize_DateMissingOrMalformed_ReportsDate(string? date)
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { Date = date }, Field, BirthDate, Today);

        Assert.Equal($"{Field}.date", Assert.Single(result.Issues).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void Normalize_DoseNumberOutOfRange_ReportsDoseNumber(int doseNumber)
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { DoseNumber = doseNumber }, Field, BirthDate, Today);

        Assert.Equal($"{Field}.dose_number", Assert.Single(result.Issues).Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Normalize_DoseNumberAtBounds_Succeeds(int doseNumber)
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { DoseNumber = doseNumber }, Field, BirthDate, Today);

        Assert.Equal(doseNumber, result.Value.Dose.DoseNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void Normalize_AdministeringUnitMissing_ReportsAdministeringUnit(string? unit)
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { AdministeringUnit = unit }, Field, BirthDate, Today);

        Assert.Equal($"{Field}.administering_unit", Assert.Single(result.Issues).Field);
    }

    [Theory]
    [InlineData("201")]
    [InlineData("02A1")]
    [InlineData("0001")]
    [InlineData(null)]
    public void Normalize_BadVaccineCode_ReportsVaccineCode(string? code)
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { VaccineCode = code }, Field, BirthDate, Today);

        Assert.Equal($"{Field}.vaccine_code", Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Normalize_KindNotSent_DefaultsToRoutine()
    {
        var result = VaccinationNormalizer.Normalize(ValidDose() with { Kind = null }, Field, BirthDate, Today);

        Assert.Equal(VaccinationKind.Routine, result.Value.Dose.Kind);
    }

    [Fact]
    public void Normalize_OptionalTextBlank_BecomesNull()
    {
        var reported = ValidDose() with { LotNumber = " ", ExpiryDate = null, ManufacturerCode = "", Vaccinator = "\u3000", SourceRecordId = null };

        var dose = VaccinationNormalizer.Normalize(reported, Field, BirthDate, Today).Value;

        Assert.Null(dose.Dose.LotNumber);
        Assert.Null(dose.Dose.ExpiryDate);
        Assert.Null(dose.Dose.ManufacturerCode);
        Assert.Null(dose.Dose.Vaccinator);
        Assert.Null(dose.SourceRecordId);
    }

    [Fact]
    public void Normalize_FreeTextTooLongAndBadExpiry_ReportsEachField()
    {
        var reported = ValidDose() with { LotNumber = new string('A', 65), ExpiryDate = "2026/02/31" };

        var result = VaccinationNormalizer.Normalize(reported, Field, BirthDate, Today);

        Assert.Equal([$"{Field}.expiry_date", $"{Field}.lot_number"], result.Issues.Select(issue => issue.Field));
    }

    [Fact]
    public void Normalize_SeveralProblems_ReportsAllOfThem()
    {
        var reported = ValidDose() with { VaccineCode = "X", DoseNumber = 0, Date = "2024-01-01", AdministeringUnit = null };

        var result = VaccinationNormalizer.Normalize(reported, Field, BirthDate, Today);

        Assert.Equal(
            [$"{Field}.administering_unit", $"{Field}.date", $"{Field}.dose_number", $"{Field}.vaccine_code"],
            result.Issues.Select(issue => issue.Field).Order(StringComparer.Ordinal));
    }

    private static ReportedVaccination ValidDose() => new(
        "0201", 1, "2024-03-15", "202401A", "2026-01-31", "HB", "81234560000000000001", "4201020101",
        Route.Intramuscular, Site.RightUpperArm, "张 护士", VaccinationKind.Booster, "rec-7");
}
