using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Normalization;

/// <summary>Turns a reported person into a canonical registration, or says precisely what is wrong with it.</summary>
public static class PersonNormalizer
{
    private const int MaxNameLength = 64;
    private const int MinBirthWeightGrams = 300;
    private const int MaxBirthWeightGrams = 8000;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <param name="field">Path of the person in the request, e.g. "child".</param>
    /// <param name="today">Today's date in the hub's time zone; later dates are rejected.</param>
    public static Result<PersonRegistration> Normalize(ReportedPerson reported, string field, DateOnly today) =>
        Normalize(reported, field, today, SourceCodeTranslator.HubOnly);

    /// <param name="field">Path of the person in the request, e.g. "child".</param>
    /// <param name="today">Today's date in the hub's time zone; later dates are rejected.</param>
    /// <param name="codes">The sending source's code translator (its code map, then the hub's tables).</param>
    public static Result<PersonRegistration> Normalize(ReportedPerson reported, string field, DateOnly today, ICodeTranslator codes)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(codes);
        var issues = new IssueCollector();
        var identifiers = IdentifierNormalizer.Normalize(reported.Identifiers, $"{field}.identifiers", issues);
        var name = NormalizeName(reported.Name, $"{field}.name", issues);
        var sex = NormalizeSex(reported, $"{field}.sex", codes, issues);
        var (birthDate, timeFromDate) = NormalizeBirthDate(reported.BirthDate, $"{field}.birth_date", today, issues);
        var birthTime = NormalizeBirthTime(reported.BirthTime, $"{field}.birth_time", issues) ?? timeFromDate;
        var weight = NormalizeBirthWeight(reported.BirthWeightGrams, $"{field}.birth_weight_grams", issues);
        var mother = ContactNormalizer.Normalize(reported.Mother, $"{field}.mother", issues);
        var guardian = ContactNormalizer.Normalize(reported.Guardian, $"{field}.guardian", issues);
        var household = CodedFields.Translate(codes, CodeMapSystem.Region, reported.HouseholdRegion, $"{field}.household_region", required: false, issues);
        var residence = CodedFields.Translate(codes, CodeMapSystem.Region, reported.ResidenceRegion, $"{field}.residence_region", required: true, issues);
        var unit = NormalizeCode(reported.ManagingUnit, $"{field}.managing_unit", UnitCode.Check, required: true, issues);
        CheckResidentIdAgrees(identifiers, birthDate, sex, $"{field}.identifiers", issues);

        return issues.ToResult(() => new PersonRegistration(
            identifiers,
            new Demographics(
                name!, sex!.Value, birthDate!.Value, birthTime, weight, mother, guardian, household, residence!, unit!, PersonNames.AsReported(reported.Name, name!))));
    }

    private static Sex? NormalizeSex(ReportedPerson reported, string field, ICodeTranslator codes, IssueCollector issues)
    {
        if (reported.Sex is { } sex)
        {
            return sex;
        }

        if (TextCleaner.Clean(reported.SexCode) is null)
        {
            issues.Invalid(field, "sex is required (GB/T 2261.1: 1 male, 2 female, 0 not known, 9 not stated; M/F and 男/女 are read too)", ReasonCodes.Required);
            return null;
        }

        return CodedFields.TranslateEnum(codes, CodeMapSystem.Sex, HubCodeSystems.Default.Sexes, reported.SexCode, field, issues);
    }

    public static string? NormalizeName(string? reported, string field, IssueCollector issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var name = PersonNames.Clean(reported);
        if (name is null)
        {
            issues.Invalid(field, "name is required", ReasonCodes.Required);
        }
        else if (PersonNames.Check(name) is { } reason)
        {
            issues.Invalid(field, reason, ReasonCodes.InvalidName);
        }
        else if (name.Length > MaxNameLength)
        {
            issues.Invalid(field, $"name has at most {MaxNameLength} characters, got {name.Length}", ReasonCodes.InvalidName);
        }

        return name;
    }

    public static string? NormalizeCode(string? reported, string field, Func<string, string?> check, bool required, IssueCollector issues)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(issues);
        var code = TextCleaner.CleanCode(reported);
        if (code is null)
        {
            if (required)
            {
                issues.Invalid(field, "is required");
            }

            return null;
        }

        return issues.Check(field, check(code)) ? code : null;
    }

    private static (DateOnly? Date, TimeOnly? Time) NormalizeBirthDate(string? reported, string field, DateOnly today, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            issues.Invalid(field, "birth date is required", ReasonCodes.Required);
            return (null, null);
        }

        if (!ReportedDates.TryParse(text, out var date, out var time, out var error, out var reason))
        {
            issues.Invalid(field, error!, reason);
            return (null, null);
        }

        if (date > today)
        {
            issues.Invalid(field, $"birth date {CanonicalDates.Format(date)} is in the future", ReasonCodes.ImpossibleDate);
            return (null, null);
        }

        if (date < EarliestBirthDate)
        {
            issues.Invalid(field, $"birth date {CanonicalDates.Format(date)} is before {CanonicalDates.Format(EarliestBirthDate)}", ReasonCodes.ImpossibleDate);
            return (null, null);
        }

        return (date, time);
    }

    private static TimeOnly? NormalizeBirthTime(string? reported, string field, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            return null;
        }

        if (ReportedDates.TryParseTime(text, out var time, out var error))
        {
            return time;
        }

        issues.Invalid(field, error!, ReasonCodes.InvalidDate);
        return null;
    }

    private static int? NormalizeBirthWeight(int? grams, string field, IssueCollector issues)
    {
        if (grams is null or 0)
        {
            return null;
        }

        if (grams is < MinBirthWeightGrams or > MaxBirthWeightGrams)
        {
            issues.Invalid(field, $"birth weight must be between {MinBirthWeightGrams} and {MaxBirthWeightGrams} grams, got {grams}");
            return null;
        }

        return grams;
    }

    private static void CheckResidentIdAgrees(List<PersonIdentifier> identifiers, DateOnly? birthDate, Sex? sex, string field, IssueCollector issues)
    {
        var index = identifiers.FindIndex(identifier => identifier.Kind == IdentifierKind.ResidentId);
        if (index < 0)
        {
            return;
        }

        var idNumber = identifiers[index].Value;
        if (birthDate is not null && ResidentIdNumber.BirthDate(idNumber) is { } idBirthDate && idBirthDate != birthDate)
        {
            issues.Invalid(field, $"the resident ID number's birth date {CanonicalDates.Format(idBirthDate)} differs from birth_date {CanonicalDates.Format(birthDate.Value)}", ReasonCodes.InvalidIdNumber);
        }

        if (sex is Sex.Male or Sex.Female && ResidentIdNumber.IsMale(idNumber) is { } isMale && isMale != (sex == Sex.Male))
        {
            issues.Invalid(field, $"the resident ID number's sequence digit says {(isMale ? "male" : "female")}, but sex is {sex}", ReasonCodes.InvalidIdNumber);
        }
    }
}
