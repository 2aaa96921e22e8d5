using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Fhir.VaccineCodes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Mapping;

/// <summary>A vaccination event as a FHIR Immunization (id = event id), national code and CVX side by side.</summary>
internal static class ImmunizationOutput
{
    public static Immunization ToImmunization(this VaccinationEvent vaccination, string hubId)
    {
        ArgumentNullException.ThrowIfNull(vaccination);
        var dose = vaccination.Dose;
        var immunization = new Immunization
        {
            Id = vaccination.EventId,
            Status = vaccination.IsValid ? Immunization.ImmunizationStatusCodes.Completed : Immunization.ImmunizationStatusCodes.EnteredInError,
            VaccineCode = VaccineCode(dose),
            Patient = new ResourceReference($"Patient/{hubId}"),
            Occurrence = new FhirDateTime(CanonicalDates.Format(dose.Date)),
            RecordedElement = new FhirDateTime(vaccination.Sources[0].ReceivedAt),
            PrimarySource = true,
            LotNumber = dose.LotNumber,
            Performer = [new Immunization.PerformerComponent { Actor = PatientOutput.UnitReference(dose.AdministeringUnit) }],
            ProtocolApplied = [new Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(dose.DoseNumber) }],
        };
        if (dose.ExpiryDate is { } expiry)
        {
            immunization.ExpirationDate = CanonicalDates.Format(expiry);
        }

        if (dose.ManufacturerCode is { } manufacturer)
        {
            immunization.Manufacturer = new ResourceReference { Identifier = new Identifier(null, manufacturer) };
        }

        if (dose.Vaccinator is { } vaccinator)
        {
            immunization.Performer.Add(new Immunization.PerformerComponent { Actor = new ResourceReference { Display = vaccinator } });
        }

        immunization.Route = Coded(dose.Route, FhirSystems.Route, FhirSystems.V2Route, HubCodeSystems.Default.Routes);
        immunization.Site = Coded(dose.Site, FhirSystems.Site, FhirSystems.V2Site, HubCodeSystems.Default.Sites);
        immunization.Identifier.AddRange(vaccination.Sources
            .Where(source => source.SourceRecordId is not null)
            .Select(source => new Identifier(null, source.SourceRecordId)));
        return immunization;
    }

    /// <summary>The national code first, then its CVX (the reported one when kept).</summary>
    public static CodeableConcept VaccineCode(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return VaccineCode(dose.VaccineCode, VaccineCodeTranslator.Default.CvxOf(dose));
    }

    /// <summary>A national code and its CVX (the given one, else the code's mapping), e.g. for a recommended product.</summary>
    public static CodeableConcept VaccineCode(string nationalCode, string? cvx = null)
    {
        var translator = VaccineCodeTranslator.Default;
        var entry = translator.Find(nationalCode);
        var concept = new CodeableConcept(FhirSystems.NationalVaccineCode, nationalCode, entry?.Name, entry?.ShortName);
        if ((cvx ?? entry?.Cvx) is { } code)
        {
            concept.Coding.Add(new Coding(FhirSystems.Cvx, code));
        }

        return concept;
    }

    private static CodeableConcept? Coded<TEnum>(TEnum value, string hubSystem, string v2System, CodedValueSystem<TEnum> codes)
        where TEnum : struct, Enum
    {
        var entry = codes.EntryOf(value);
        if (EqualityComparer<TEnum>.Default.Equals(value, default))
        {
            return null;
        }

        var concept = new CodeableConcept(hubSystem, entry.Code, entry.Name);
        if (entry.Hl7 is { } hl7)
        {
            concept.Coding.Add(new Coding(v2System, hl7));
        }

        return concept;
    }
}
