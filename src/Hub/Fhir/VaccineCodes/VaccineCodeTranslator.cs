using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Results;

namespace Exchange.Hub.Fhir.VaccineCodes;

/// <summary>
/// The one place vaccine codes are translated: CVX and national codes to the canonical national code on the way in,
/// the national code with its CVX on the way out. A coding in any other system, or in none, is a source's local code:
/// it is looked up by its code in the sending system's code map (vaccine entries), and nowhere else, since its meaning
/// is the sender's.
/// </summary>
internal sealed class VaccineCodeTranslator(VaccineCodeSystem vaccines)
{
    public static VaccineCodeTranslator Default { get; } = new(HubCodeSystems.Default.Vaccines);

    /// <summary>
    /// The canonical coding of the first code of a known system (national code first, then CVX), else of the first
    /// local code the sender's map translates.
    /// </summary>
    /// <param name="sourceCodes">The sender's code translator (its code map); null for none.</param>
    public Result<VaccineCoding> ToCanonical(IReadOnlyList<SourceCode> codes, string field, ICodeTranslator? sourceCodes = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var national = codes.FirstOrDefault(code => code.System == FhirSystems.NationalVaccineCode);
        if (national is not null)
        {
            return FromNational(national.Code, field);
        }

        var cvx = codes.FirstOrDefault(code => code.System == FhirSystems.Cvx);
        if (cvx is not null)
        {
            return FromCvx(cvx.Code, field);
        }

        if (codes.Count == 0)
        {
            return Fail(field, $"a vaccine code is required, in {FhirSystems.NationalVaccineCode} or {FhirSystems.Cvx}", ReasonCodes.Required);
        }

        foreach (var code in codes.Where(code => !string.IsNullOrWhiteSpace(code.Code)))
        {
            if (sourceCodes?.Translate(CodeMapSystem.Vaccine, code.Code!) is { Succeeded: true, FromMap: true, Code: { } mapped })
            {
                return Result<VaccineCoding>.Success(new VaccineCoding(mapped, null));
            }
        }

        var sent = string.Join(", ", codes.Select(code => $"{code.System ?? "(no system)"}|{code.Code}"));
        var map = sourceCodes?.MapVersion is { } version ? $"the sender's code map {version} has no vaccine entry for them" : "the sender has no code map";
        return Fail(field, $"no code of a known vaccine code system ({FhirSystems.NationalVaccineCode}, {FhirSystems.Cvx}), and {map}; got {sent}", ReasonCodes.UnknownCode);
    }

    /// <summary>The CVX code to show beside the national code: the reported one if kept, else the code's mapping.</summary>
    public string? CvxOf(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return dose.Cvx ?? vaccines.Find(dose.VaccineCode)?.Cvx;
    }

    /// <summary>The table entry of a national code, for display names.</summary>
    public VaccineCodeEntry? Find(string nationalCode) => vaccines.Find(nationalCode);

    private Result<VaccineCoding> FromNational(string? code, string field)
    {
        var trimmed = code?.Trim();
        return trimmed is not null && vaccines.Find(trimmed) is { } entry
            ? Result<VaccineCoding>.Success(new VaccineCoding(entry.Code, null))
            : Fail(field, $"'{code}' is not a national vaccine code of the hub's table ({FhirSystems.NationalVaccineCode})", ReasonCodes.UnknownCode);
    }

    private Result<VaccineCoding> FromCvx(string? code, string field)
    {
        var cvx = code is null ? null : VaccineCodeSystem.NormalizeCvx(code);
        if (cvx is null)
        {
            return Fail(field, $"'{code}' is not a CVX code (1-3 digits)", ReasonCodes.Invalid);
        }

        var exact = Preferred(vaccines.FindByCvx(cvx));
        if (exact is not null)
        {
            return Result<VaccineCoding>.Success(new VaccineCoding(exact.Code, null));
        }

        var broader = CvxFamilies.BroaderOf(cvx) is { } family ? Preferred(vaccines.FindByCvx(family)) : null;
        return broader is not null
            ? Result<VaccineCoding>.Success(new VaccineCoding(broader.Code, cvx))
            : Fail(field, $"CVX {cvx} has no national vaccine code in the hub's table; send the national code ({FhirSystems.NationalVaccineCode})", ReasonCodes.UnknownCode);
    }

    /// <summary>Of several national products with one CVX, the first in use (table order) stands for the CVX.</summary>
    private static VaccineCodeEntry? Preferred(IReadOnlyList<VaccineCodeEntry> entries) =>
        entries.FirstOrDefault(entry => entry.Nip != NipStatus.Historical) ?? (entries.Count > 0 ? entries[0] : null);

    private static Result<VaccineCoding> Fail(string field, string message, string reason) =>
        Result<VaccineCoding>.Failure([Issue.Invalid(field, message, reason)]);
}
