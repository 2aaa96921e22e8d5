using Exchange.Adapters.Reports;
using Model = Exchange.Adapters.Model;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Wire messages to the adapters' "as reported" inputs; no checking here, the normalizers do that.</summary>
internal static class ReportMapping
{
    public static ReportedPerson ToReported(this V1.Person person) => new(
        [.. person.Identifiers.Select(identifier => identifier.ToReported())],
        person.Name,
        person.Sex.ToModel(),
        person.BirthDate,
        person.BirthTime,
        person.BirthWeightGrams,
        person.Mother.ToContact(),
        person.Guardian.ToContact(),
        person.HouseholdRegion,
        person.ResidenceRegion,
        person.ManagingUnit,
        person.SexCode);

    public static ReportedIdentifier ToReported(this V1.Identifier identifier) => new(identifier.Kind.ToModel(), identifier.Value);

    public static ReportedVaccination ToReported(this V1.Vaccination vaccination) => new(
        vaccination.VaccineCode,
        vaccination.DoseNumber,
        vaccination.Date,
        vaccination.LotNumber,
        vaccination.ExpiryDate,
        vaccination.ManufacturerCode,
        vaccination.TraceabilityCode,
        vaccination.AdministeringUnit,
        vaccination.Route.ToModel(),
        vaccination.Site.ToModel(),
        vaccination.Vaccinator,
        vaccination.Kind.ToModel(),
        vaccination.SourceRecordId,
        vaccination.RouteCode,
        vaccination.SiteCode,
        vaccination.KindCode);

    private static Model.Contact? ToContact(this V1.Contact? contact) =>
        contact is null ? null : new Model.Contact(contact.Name, contact.IdNumber, contact.Phone);
}
