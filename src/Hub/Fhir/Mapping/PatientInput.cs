using Exchange.Adapters.Model;
using Exchange.Adapters.Reports;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Mapping;

/// <summary>
/// A Patient read into the adapters' "as reported" person, with what is needed to point an issue of the normalizer
/// back at the FHIR element it came from.
/// </summary>
internal sealed record PatientInput(ReportedPerson Reported, int[] IdentifierIndexes, int? MotherContact, int? GuardianContact)
{
    /// <summary>The field prefix the normalizer is called with.</summary>
    public const string Field = "Patient";

    /// <summary>The FHIR path of a normalizer field such as "Patient.identifiers[1].value" or "Patient.birth_date".</summary>
    public string PathOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var rest = field.StartsWith(Field + ".", StringComparison.Ordinal) ? field[(Field.Length + 1)..] : field;
        if (rest.StartsWith("identifiers[", StringComparison.Ordinal))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(rest.AsSpan(12, close - 12), System.Globalization.CultureInfo.InvariantCulture);
            return $"Patient.identifier[{IdentifierIndexes[index]}].value";
        }

        return rest switch
        {
            "identifiers" => "Patient.identifier",
            "name" => "Patient.name",
            "sex" => "Patient.gender",
            "birth_date" => "Patient.birthDate",
            "birth_time" => $"Patient.birthDate.extension('{FhirSystems.BirthTime}')",
            "birth_weight_grams" => $"Patient.extension('{FhirSystems.BirthWeight}')",
            "household_region" => $"Patient.extension('{FhirSystems.HouseholdRegion}')",
            "residence_region" => $"Patient.extension('{FhirSystems.ResidenceRegion}')",
            "managing_unit" => "Patient.managingOrganization.identifier",
            _ when rest.StartsWith("mother", StringComparison.Ordinal) => ContactPath(MotherContact, rest["mother".Length..]),
            _ when rest.StartsWith("guardian", StringComparison.Ordinal) => ContactPath(GuardianContact, rest["guardian".Length..]),
            _ => "Patient",
        };
    }

    public static PatientInput From(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var identifiers = new List<ReportedIdentifier>();
        var indexes = new List<int>();
        for (var i = 0; i < patient.Identifier.Count; i++)
        {
            // The hub id identifier echoes Patient.id (a read-modify-update sends it back); it is not registered.
            if (KindOf(patient.Identifier[i].System) is { } kind and not IdentifierKind.HubId)
            {
                identifiers.Add(new ReportedIdentifier(kind, patient.Identifier[i].Value));
                indexes.Add(i);
            }
        }

        var mother = FindContact(patient, FhirSystems.MotherRole);
        var guardian = FindContact(patient, FhirSystems.GuardianRole);
        var reported = new ReportedPerson(
            identifiers,
            PatientNames.Read(patient),
            SexOf(patient.Gender),
            patient.BirthDate,
            BirthTime(patient),
            BirthWeight(patient),
            mother is null ? null : ContactOf(patient.Contact[mother.Value]),
            guardian is null ? null : ContactOf(patient.Contact[guardian.Value]),
            ExtensionCode(patient, FhirSystems.HouseholdRegion),
            ExtensionCode(patient, FhirSystems.ResidenceRegion) ?? HomeDistrict(patient),
            patient.ManagingOrganization?.Identifier?.Value);
        return new PatientInput(reported, [.. indexes], mother, guardian);
    }

    /// <summary>The identifier kind of a system URI the hub knows; null for other systems (not stored).</summary>
    public static IdentifierKind? KindOf(string? system) => system switch
    {
        FhirSystems.ChildCode => IdentifierKind.ChildCode,
        FhirSystems.VaccinationCertificate => IdentifierKind.VaccinationCertificate,
        FhirSystems.BirthCertificate => IdentifierKind.BirthCertificate,
        FhirSystems.ResidentId => IdentifierKind.ResidentId,
        FhirSystems.HubId => IdentifierKind.HubId,
        _ => null,
    };

    private static string ContactPath(int? contact, string rest)
    {
        var element = contact is null ? "Patient.contact" : $"Patient.contact[{contact}]";
        return rest switch
        {
            ".id_number" => $"{element}.extension('{FhirSystems.ContactIdentifier}')",
            ".phone" => $"{element}.telecom",
            ".name" => $"{element}.name",
            _ => element,
        };
    }

    /// <summary>The canonical sex of a FHIR gender; null when none was sent.</summary>
    public static Sex? SexOf(AdministrativeGender? gender) => gender switch
    {
        AdministrativeGender.Male => Sex.Male,
        AdministrativeGender.Female => Sex.Female,
        AdministrativeGender.Unknown => Sex.NotKnown,
        AdministrativeGender.Other => Sex.NotStated,
        _ => null,
    };

    private static string? BirthTime(Patient patient) =>
        patient.BirthDateElement?.GetExtensionValue<FhirDateTime>(FhirSystems.BirthTime)?.Value is { Length: > 11 } dateTime
            ? dateTime[11..Math.Min(dateTime.Length, 19)]
            : null;

    private static int? BirthWeight(Patient patient) =>
        patient.GetExtensionValue<Quantity>(FhirSystems.BirthWeight) is { Value: { } grams, Code: null or "g" }
            ? (int)Math.Round(grams)
            : null;

    private static string? ExtensionCode(Patient patient, string url) => patient.GetExtensionValue<Code>(url)?.Value;

    /// <summary>A home address whose district is a 6-digit GB/T 2260 code also names the residence region.</summary>
    private static string? HomeDistrict(Patient patient) =>
        patient.Address.FirstOrDefault(address => address.Use is null or Address.AddressUse.Home && address.District is { Length: 6 })?.District;

    private static int? FindContact(Patient patient, string role)
    {
        var index = patient.Contact.FindIndex(contact => contact.Relationship.Any(concept => concept.Coding.Any(coding => coding.Code == role)));
        return index < 0 ? null : index;
    }

    private static Contact ContactOf(Patient.ContactComponent contact) => new(
        contact.Name?.Text ?? PatientNames.Join(contact.Name),
        contact.GetExtensionValue<Identifier>(FhirSystems.ContactIdentifier)?.Value,
        contact.Telecom.FirstOrDefault(point => point.System == ContactPoint.ContactPointSystem.Phone)?.Value);
}
