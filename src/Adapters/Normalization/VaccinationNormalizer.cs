using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Normalization;

/// <summary>Turns a reported dose into a canonical dose report, or says precisely what is wrong with it.</summary>
public static class VaccinationNormalizer
{
    private const int MaxDoseNumber = 10;
    private const int MaxFreeTextLength = 64;

    /// <param name="field">Path of the dose in the request, e.g. "vaccinations[2]".</param>
    /// <param name="birthDate">The person's birth date, when known: no dose may precede it.</param>
    public static Result<DoseReport> Normalize(ReportedVaccination reported, string field, DateOnly? birthDate, DateOnly today) =>
        Normalize(reported, field, birthDate, today, SourceCodeTranslator.HubOnly);

    /// <param name="field">Path of the dose in the request, e.g. "vaccinations[2]".</param>
    /// <param name="birthDate">The person's birth date, when known: no dose may precede it.</param>
    /// <param name="codes">The sending source's code translator; its map version is recorded on the dose.</param>
    public static Result<DoseReport> Normalize(ReportedVaccination reported, string field, DateOnly? birthDate, DateOnly today, ICodeTranslator codes)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(codes);
        var issues = new IssueCollector(field);
        var vaccine = CodedFields.Translate(codes, CodeMapSystem.Vaccine, reported.VaccineCode, "vaccine_code", required: true, issues);
        if (reported.DoseNumber is < 1 or > MaxDoseNumber)
        {
            issues.Invalid("dose_number", $"dose number must be between 1 and {MaxDoseNumber}, got {reported.DoseNumber}");
        }

        var date = NormalizeDate(reported.Date, "date", birthDate, today, issues);
        var expiry = NormalizeExpiry(reported.ExpiryDate, "expiry_date", issues);
        var unit = PersonNormalizer.NormalizeCode(reported.AdministeringUnit, "administering_unit", UnitCode.Check, required: true, issues);
        var lot = FreeText(reported.LotNumber, "lot_number", issues);
        var manufacturer = FreeText(reported.ManufacturerCode, "manufacturer_code", issues);
        var traceability = FreeText(reported.TraceabilityCode, "traceability_code", issues);
        var vaccinator = FreeText(reported.Vaccinator, "vaccinator", issues);
        var sourceRecordId = FreeText(reported.SourceRecordId, "source_record_id", issues);
        var tables = HubCodeSystems.Default;
        var route = CodedFields.TranslateEnum(codes, CodeMapSystem.Route, tables.Routes, reported.RouteCode, "route_code", issues) ?? reported.Route;
        var site = CodedFields.TranslateEnum(codes, CodeMapSystem.Site, tables.Sites, reported.SiteCode, "site_code", issues) ?? reported.Site;
        var kind = CodedFields.TranslateEnum(codes, CodeMapSystem.Kind, tables.VaccinationKinds, reported.KindCode, "kind_code", issues) ?? reported.Kind;

        // Not ToResult(() => ...): a lambda would capture every local above in an object allocated per dose.
        return issues.HasIssues
            ? Result<DoseReport>.Failure(issues.Issues)
            : Result<DoseReport>.Success(new DoseReport(
                new Dose(vaccine!, reported.DoseNumber, date!.Value, lot, expiry, manufacturer, traceability, unit!, route, site, vaccinator, kind ?? VaccinationKind.Routine),
                sourceRecordId,
                codes.MapVersion));
    }

    private static DateOnly? NormalizeDate(string? reported, string field, DateOnly? birthDate, DateOnly today, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            issues.Invalid(field, "vaccination date is required", ReasonCodes.Required);
            return null;
        }

        if (!ReportedDates.TryParse(text, out var date, out _, out var error, out var reason))
        {
            issues.Invalid(field, error!, reason);
            return null;
        }

        if (date > today)
        {
            issues.Invalid(field, $"vaccination date {CanonicalDates.Format(date)} is in the future", ReasonCodes.ImpossibleDate);
            return null;
        }

        if (birthDate is { } birth && date < birth)
        {
            issues.Invalid(field, $"vaccination date {CanonicalDates.Format(date)} is before the birth date {CanonicalDates.Format(birth)}", ReasonCodes.ImpossibleDate);
            return null;
        }

        return date;
    }

    private static DateOnly? NormalizeExpiry(string? reported, string field, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            return null;
        }

        if (ReportedDates.TryParse(text, out var date, out _, out var error, out var reason))
        {
            return date;
        }

        issues.Invalid(field, error!, reason);
        return null;
    }

    private static string? FreeText(string? reported, string field, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is { Length: > MaxFreeTextLength })
        {
            issues.Invalid(field, $"at most {MaxFreeTextLength} characters, got {text.Length}");
            return null;
        }

        return text;
    }
}
