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
    public static Result<PersonRegistration> Normalize(ReportedPerson reported, string field, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var issues = new IssueCollector();
        var identifiers = IdentifierNormalizer.Normalize(reported.Identifiers, $"{field}.identifiers", issues);
        var name = NormalizeName(reported.Name, $"{field}.name", issues);
        if (reported.Sex is null)
        {
            issues.Invalid($"{field}.sex", "sex is required (GB/T 2261.1: male, female, not known or not stated)");
        }

        var birthDate = NormalizeBirthDate(reported.BirthDate, $"{field}.birth_date", today, issues);
        var birthTime = NormalizeBirthTime(reported.BirthTime, $"{field}.birth_time", issues);
        var weight = NormalizeBirthWeight(reported.BirthWeightGrams, $"{field}.birth_weight_grams", issues);
        var mother = ContactNormalizer.Normalize(reported.Mother, $"{field}.mother", issues);
        var guardian = ContactNormalizer.Normalize(reported.Guardian, $"{field}.guardian", issues);
        var household = NormalizeCode(reported.HouseholdRegion, $"{field}.household_region", RegionCode.Check, required: false, issues);
        var residence = NormalizeCode(reported.ResidenceRegion, $"{field}.residence_region", RegionCode.Check, required: true, issues);
        var unit = NormalizeCode(reported.ManagingUnit, $"{field}.managing_unit", UnitCode.Check, required: true, issues);
        CheckResidentIdAgrees(identifiers, birthDate, reported.Sex, $"{field}.identifiers", issues);

        return issues.ToResult(() => new PersonRegistration(
            identifiers,
            new Demographics(name!, reported.Sex!.Value, birthDate!.Value, birthTime, weight, mother, guardian, household, residence!, unit!)));
    }

    public static string? NormalizeName(string? reported, string field, IssueCollector issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var name = TextCleaner.Clean(reported);
        if (name is null)
        {
            issues.Invalid(field, "name is required");
        }
        else if (name.Length > MaxNameLength)
        {
            issues.Invalid(field, $"name has at most {MaxNameLength} characters, got {name.Length}");
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

    private static DateOnly? NormalizeBirthDate(string? reported, string field, DateOnly today, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            issues.Invalid(field, "birth date is required");
            return null;
        }

        if (!CanonicalDates.TryParseDate(text, out var date))
        {
            issues.Invalid(field, $"'{text}' is not a date in the form {CanonicalDates.DateFormat}");
            return null;
        }

        if (date > today)
        {
            issues.Invalid(field, $"birth date {CanonicalDates.Format(date)} is in the future");
            return null;
        }

        if (date < EarliestBirthDate)
        {
            issues.Invalid(field, $"birth date {CanonicalDates.Format(date)} is before {CanonicalDates.Format(EarliestBirthDate)}");
            return null;
        }

        return date;
    }

    private static TimeOnly? NormalizeBirthTime(string? reported, string field, IssueCollector issues)
    {
        var text = TextCleaner.Clean(reported);
        if (text is null)
        {
            return null;
        }

        if (CanonicalDates.TryParseTime(text, out var time))
        {
            return time;
        }

        issues.Invalid(field, $"'{text}' is not a time in the form HH:mm or HH:mm:ss");
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
            issues.Invalid(field, $"the resident ID number's birth date {CanonicalDates.Format(idBirthDate)} differs from birth_date {CanonicalDates.Format(birthDate.Value)}");
        }

        if (sex is Sex.Male or Sex.Female && ResidentIdNumber.IsMale(idNumber) is { } isMale && isMale != (sex == Sex.Male))
        {
            issues.Invalid(field, $"the resident ID number's sequence digit says {(isMale ? "male" : "female")}, but sex is {sex}");
        }
    }
}
