using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Mapping;

/// <summary>The canonical record as a FHIR Patient (id = hub id).</summary>
internal static class PatientOutput
{
    public static Patient ToPatient(this PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var demographics = record.Demographics;
        var patient = new Patient
        {
            Id = record.HubId,
            Meta = new Meta { LastUpdated = record.UpdatedAt },
            Active = record.RegisterStatus != RegisterStatus.Deleted,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Text = demographics.Name }],
            Gender = GenderOf(demographics.Sex),
            BirthDate = CanonicalDates.Format(demographics.BirthDate),
            ManagingOrganization = UnitReference(demographics.ManagingUnit),
        };
        if (record.RegisterStatus == RegisterStatus.Dead)
        {
            patient.Deceased = new FhirBoolean(true);
        }

        patient.Identifier.Add(new Identifier(FhirSystems.HubId, record.HubId));
        patient.Identifier.AddRange(record.Identifiers.Select(identifier => new Identifier(SystemOf(identifier.Kind), identifier.Value)));
        if (demographics.BirthTime is { } time)
        {
            patient.BirthDateElement.SetExtension(FhirSystems.BirthTime, new FhirDateTime($"{CanonicalDates.Format(demographics.BirthDate)}T{CanonicalDates.Format(time)}+08:00"));
        }

        if (demographics.BirthWeightGrams is { } grams)
        {
            patient.SetExtension(FhirSystems.BirthWeight, new Quantity(grams, "g"));
        }

        patient.SetExtension(FhirSystems.ResidenceRegion, new Code(demographics.ResidenceRegion));
        if (demographics.HouseholdRegion is { } household)
        {
            patient.SetExtension(FhirSystems.HouseholdRegion, new Code(household));
        }

        AddContact(patient, demographics.Mother, FhirSystems.MotherRole, "mother");
        AddContact(patient, demographics.Guardian, FhirSystems.GuardianRole, "guardian");
        return patient;
    }

    public static ResourceReference UnitReference(string unitCode) => new()
    {
        Type = "Organization",
        Identifier = new Identifier(FhirSystems.UnitCode, unitCode),
    };

    public static string SystemOf(IdentifierKind kind) => kind switch
    {
        IdentifierKind.ChildCode => FhirSystems.ChildCode,
        IdentifierKind.VaccinationCertificate => FhirSystems.VaccinationCertificate,
        IdentifierKind.BirthCertificate => FhirSystems.BirthCertificate,
        IdentifierKind.ResidentId => FhirSystems.ResidentId,
        _ => FhirSystems.HubId,
    };

    private static AdministrativeGender GenderOf(Sex sex) => sex switch
    {
        Sex.Male => AdministrativeGender.Male,
        Sex.Female => AdministrativeGender.Female,
        Sex.NotStated => AdministrativeGender.Other,
        _ => AdministrativeGender.Unknown,
    };

    private static void AddContact(Patient patient, Contact? contact, string role, string display)
    {
        if (contact is null)
        {
            return;
        }

        var component = new Patient.ContactComponent
        {
            Relationship = [new CodeableConcept(FhirSystems.RoleCode, role, display)],
        };
        if (contact.Name is { } name)
        {
            component.Name = new HumanName { Text = name };
        }

        if (contact.Phone is { } phone)
        {
            component.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone)];
        }

        if (contact.IdNumber is { } idNumber)
        {
            component.SetExtension(FhirSystems.ContactIdentifier, new Identifier(FhirSystems.ResidentId, idNumber));
        }

        patient.Contact.Add(component);
    }
}
