using System.Globalization;
using Exchange.Protos.V1;

namespace Exchange.Testing.Synthetic;

/// <summary>Synthetic children as a clinic system would send them over the clinic API.</summary>
public static class ClinicMessages
{
    public static Person ToPerson(this SyntheticChild child)
    {
        var person = new Person
        {
            Name = child.Name,
            Sex = child.IsMale ? Sex.Male : Sex.Female,
            BirthDate = Format(child.BirthDate),
            BirthTime = child.BirthTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            BirthWeightGrams = child.BirthWeightGrams,
            Mother = new Contact { Name = child.Mother.Name, IdNumber = child.Mother.IdNumber, Phone = child.Mother.Phone },
            HouseholdRegion = child.HouseholdRegion,
            ResidenceRegion = child.ResidenceRegion,
            ManagingUnit = child.ManagingUnit,
        };
        person.Identifiers.Add(new Identifier { Kind = IdentifierKind.ChildCode, Value = child.ChildCode });
        person.Identifiers.Add(new Identifier { Kind = IdentifierKind.BirthCertificate, Value = child.BirthCertificateNumber });
        if (child.ResidentIdNumber is { } idNumber)
        {
            person.Identifiers.Add(new Identifier { Kind = IdentifierKind.ResidentId, Value = idNumber });
        }

        return person;
    }

    public static Vaccination ToVaccination(this SyntheticDose dose, string? sourceRecordId = null) => new()
    {
        VaccineCode = dose.VaccineCode,
        DoseNumber = dose.DoseNumber,
        Date = Format(dose.Date),
        LotNumber = dose.LotNumber,
        ExpiryDate = Format(dose.ExpiryDate),
        ManufacturerCode = dose.ManufacturerCode,
        TraceabilityCode = dose.TraceabilityCode,
        AdministeringUnit = dose.AdministeringUnit,
        Route = Route.Intramuscular,
        Kind = VaccinationKind.Routine,
        SourceRecordId = sourceRecordId ?? string.Empty,
    };

    public static RegisterChildRequest ToRegisterRequest(this SyntheticChild child, string clientMessageId, bool withDoses = true)
    {
        var request = new RegisterChildRequest { ClientMessageId = clientMessageId, Child = child.ToPerson() };
        if (withDoses)
        {
            request.Vaccinations.AddRange(child.Doses.Select(dose => dose.ToVaccination()));
        }

        return request;
    }

    public static BulkUploadItem ToBulkItem(this SyntheticChild child, string clientMessageId)
    {
        var item = new BulkUploadItem { ClientMessageId = clientMessageId, Child = child.ToPerson() };
        item.Vaccinations.AddRange(child.Doses.Select(dose => dose.ToVaccination()));
        return item;
    }

    public static ChildReference ByChildCode(this SyntheticChild child) =>
        new() { Identifier = new Identifier { Kind = IdentifierKind.ChildCode, Value = child.ChildCode } };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
