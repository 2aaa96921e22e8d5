using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Results;
using Exchange.Hub.Fhir.VaccineCodes;
using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Mapping;

/// <summary>
/// An Immunization read for the canonical write path: the dose as reported (vaccine already in the national code),
/// the patient it points at, and the facts the hub fills in when the source left them out.
/// </summary>
/// <param name="DoseNumber">protocolApplied.doseNumber, or null when absent (then the hub numbers the dose).</param>
/// <param name="AdministeringUnit">The performing unit's code, or null when absent (then the managing unit).</param>
internal sealed record ImmunizationInput(
    ReportedVaccination Reported,
    VaccineCoding Coding,
    ResourceReference Patient,
    int? DoseNumber,
    string? AdministeringUnit,
    string? SourceIdentifier)
{
    /// <summary>The field prefix the normalizer is called with.</summary>
    public const string Field = "Immunization";

    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["vaccine_code"] = "Immunization.vaccineCode",
        ["dose_number"] = "Immunization.protocolApplied[0].doseNumber",
        ["date"] = "Immunization.occurrence",
        ["expiry_date"] = "Immunization.expirationDate",
        ["administering_unit"] = "Immunization.performer.actor.identifier",
        ["lot_number"] = "Immunization.lotNumber",
        ["manufacturer_code"] = "Immunization.manufacturer.identifier",
        ["vaccinator"] = "Immunization.performer.actor.display",
        ["source_record_id"] = "Immunization.identifier",
    };

    /// <summary>The FHIR path of a normalizer field such as "Immunization.vaccine_code".</summary>
    public static string PathOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var rest = field.StartsWith(Field + ".", StringComparison.Ordinal) ? field[(Field.Length + 1)..] : field;
        return Paths.GetValueOrDefault(rest, "Immunization");
    }

    /// <summary>Reads an Immunization to be created; a 400/422 error names the offending element.</summary>
    /// <param name="codes">The sender's code translator: its map reads codings in systems the hub does not know.</param>
    public static (ImmunizationInput? Input, FhirError? Error) From(Immunization immunization, VaccineCodeTranslator translator, ICodeTranslator codes)
    {
        ArgumentNullException.ThrowIfNull(immunization);
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(codes);
        switch (immunization.Status)
        {
            case null:
                return (null, FhirError.Invalid("Immunization.status", "status is required"));
            case Immunization.ImmunizationStatusCodes.NotDone:
                return (null, FhirError.BusinessRule("Immunization.status", "the hub records administered doses only; a dose not given (status not-done) is not stored"));
            case Immunization.ImmunizationStatusCodes.EnteredInError:
                return (null, FhirError.BusinessRule("Immunization.status", "an immunization is not created entered-in-error; mark a stored one with PUT Immunization/{id}"));
        }

        var sent = immunization.VaccineCode?.Coding.Select(coding => new SourceCode(coding.System, coding.Code)).ToList() ?? [];
        var coding = translator.ToCanonical(sent, "Immunization.vaccineCode", codes);
        if (!coding.Succeeded)
        {
            return (null, OperationOutcomes.FromNormalizer(coding.Issues, field => field));
        }

        if (immunization.Patient?.Reference is null && immunization.Patient?.Identifier is null)
        {
            return (null, FhirError.Invalid("Immunization.patient", "the patient reference is required"));
        }

        var (date, dateError) = OccurrenceDate(immunization);
        if (dateError is not null)
        {
            return (null, dateError);
        }

        var doseNumber = ReadDoseNumber(immunization);
        var unit = UnitOf(immunization);
        var reported = new ReportedVaccination(
            coding.Value.NationalCode,
            doseNumber ?? 0,
            date,
            immunization.LotNumber,
            immunization.ExpirationDate,
            immunization.Manufacturer?.Identifier?.Value,
            null,
            unit,
            Coded(immunization.Route, FhirSystems.Route, FhirSystems.V2Route, HubCodeSystems.Default.Routes, codes, CodeMapSystem.Route),
            Coded(immunization.Site, FhirSystems.Site, FhirSystems.V2Site, HubCodeSystems.Default.Sites, codes, CodeMapSystem.Site),
            immunization.Performer.Select(performer => performer.Actor?.Display).FirstOrDefault(display => display is not null),
            VaccinationKind.Routine,
            immunization.Identifier.FirstOrDefault()?.Value);
        return (new ImmunizationInput(reported, coding.Value, immunization.Patient!, doseNumber, unit, reported.SourceRecordId), null);
    }

    private static (string? Date, FhirError? Error) OccurrenceDate(Immunization immunization)
    {
        if (immunization.Occurrence is not FhirDateTime { Value: { } value })
        {
            return (null, Unnormalized("Immunization.occurrence", "occurrenceDateTime is required: the date the dose was given", ReasonCodes.Required));
        }

        // The date as the administering clinic recorded it; a time and offset, when sent, do not move it.
        return value.Length >= 10
            ? (value[..10], null)
            : (null, Unnormalized("Immunization.occurrence", $"'{value}' is not a full date (yyyy-MM-dd)", ReasonCodes.InvalidDate));
    }

    private static FhirError Unnormalized(string expression, string message, string reason) =>
        OperationOutcomes.FromNormalizer([Issue.Invalid(expression, message, reason)], field => field);

    private static int? ReadDoseNumber(Immunization immunization) => immunization.ProtocolApplied.FirstOrDefault()?.DoseNumber switch
    {
        PositiveInt { Value: { } number } => number,
        FhirString { Value: { } text } when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static string? UnitOf(Immunization immunization) =>
        immunization.Performer.Select(performer => performer.Actor?.Identifier).FirstOrDefault(identifier => identifier?.System == FhirSystems.UnitCode)?.Value
        ?? (immunization.Location?.Identifier is { System: FhirSystems.UnitCode } location ? location.Value : null);

    /// <summary>The hub's or HL7 v2 coding; else a coding of another system that the sender's map translates; else unknown.</summary>
    private static TEnum Coded<TEnum>(
        CodeableConcept? concept, string hubSystem, string v2System, CodedValueSystem<TEnum> table, ICodeTranslator codes, CodeMapSystem mapSystem)
        where TEnum : struct, Enum
    {
        var codings = concept?.Coding ?? [];
        foreach (var coding in codings)
        {
            if (coding.System == hubSystem && coding.Code is { } code && table.TryParse(code, out var value))
            {
                return value;
            }

            if (coding.System == v2System && table.Entries.FirstOrDefault(entry => entry.Hl7 == coding.Code) is { } entry)
            {
                return entry.Value;
            }
        }

        foreach (var coding in codings.Where(coding => coding.System != hubSystem && coding.System != v2System && !string.IsNullOrWhiteSpace(coding.Code)))
        {
            if (codes.Translate(mapSystem, coding.Code!) is { FromMap: true, Code: { } mapped } && table.TryParse(mapped, out var value))
            {
                return value;
            }
        }

        return default;
    }
}
