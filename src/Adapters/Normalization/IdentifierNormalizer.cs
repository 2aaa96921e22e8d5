using Exchange.Adapters.Model;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Normalization;

/// <summary>Normalizes and checks the identifiers a source sent for a person.</summary>
public static class IdentifierNormalizer
{
    private const int MaxCertificateLength = 32;

    internal static List<PersonIdentifier> Normalize(IReadOnlyList<ReportedIdentifier> reported, string field, IssueCollector issues)
    {
        var identifiers = new List<PersonIdentifier>(reported.Count);
        for (var i = 0; i < reported.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var identifier = NormalizeOne(reported[i], itemField, issues);
            if (identifier is null)
            {
                continue;
            }

            var clash = identifiers.Find(existing => existing.Kind == identifier.Kind);
            if (clash is null)
            {
                identifiers.Add(identifier);
            }
            else if (clash.Value != identifier.Value)
            {
                issues.Invalid(itemField, $"a person has one {identifier.Kind} identifier, but two different values were sent");
            }
        }

        if (reported.Count == 0)
        {
            issues.Invalid(field, "at least one identifier is required (child code, certificate, birth certificate or resident ID)", ReasonCodes.Required);
        }

        return identifiers;
    }

    /// <summary>Normalizes one identifier; null (with an issue) when it is not usable.</summary>
    /// <param name="forLookup">A lookup may name the hub id; a registration may not.</param>
    public static PersonIdentifier? NormalizeOne(ReportedIdentifier reported, string field, IssueCollector issues, bool forLookup = false)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(issues);
        if (reported.Kind is null)
        {
            issues.Invalid($"{field}.kind", "identifier kind is required", ReasonCodes.Required);
            return null;
        }

        var value = TextCleaner.CleanCode(reported.Value);
        if (value is null)
        {
            issues.Invalid($"{field}.value", "identifier value is required", ReasonCodes.Required);
            return null;
        }

        var reason = reported.Kind.Value switch
        {
            IdentifierKind.ChildCode => ChildCode.Check(value),
            IdentifierKind.BirthCertificate => BirthCertificateNumber.Check(value),
            IdentifierKind.ResidentId => ResidentIdNumber.Check(value),
            IdentifierKind.VaccinationCertificate => CheckCertificate(value),
            IdentifierKind.HubId when forLookup => null,
            IdentifierKind.HubId => "the hub id is assigned by the hub; send it as hub_id, not as an identifier",
            _ => "unknown identifier kind",
        };
        var reasonCode = reported.Kind.Value == IdentifierKind.ResidentId ? ReasonCodes.InvalidIdNumber : ReasonCodes.InvalidIdentifier;
        if (!issues.Check($"{field}.value", reason, reasonCode))
        {
            return null;
        }

        // Hub ids are issued in lower case; every other identifier is compared upper-case.
        return new PersonIdentifier(reported.Kind.Value, reported.Kind == IdentifierKind.HubId ? value.ToLowerInvariant() : value);
    }

    private static string? CheckCertificate(string value)
    {
        if (value.Length > MaxCertificateLength)
        {
            return $"a vaccination-certificate number has at most {MaxCertificateLength} characters, got {value.Length}";
        }

        return value.All(char.IsAsciiLetterOrDigit) ? null : "a vaccination-certificate number has only letters and digits";
    }
}
