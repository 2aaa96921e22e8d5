using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Fhir.VaccineCodes;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Canonical records to wire messages.</summary>
internal static class RecordMapping
{
    public static V1.Person ToProto(this PersonRecord record)
    {
        var demographics = record.Demographics;
        var person = new V1.Person
        {
            HubId = record.HubId,
            Name = demographics.Name,
            NameAsReported = demographics.NameAsReported ?? string.Empty,
            Sex = demographics.Sex.ToProto(),
            BirthDate = CanonicalDates.Format(demographics.BirthDate),
            BirthTime = demographics.BirthTime is { } time ? CanonicalDates.Format(time) : string.Empty,
            BirthWeightGrams = demographics.BirthWeightGrams ?? 0,
            Mother = demographics.Mother?.ToProto(),
            Guardian = demographics.Guardian?.ToProto(),
            HouseholdRegion = demographics.HouseholdRegion ?? string.Empty,
            ResidenceRegion = demographics.ResidenceRegion,
            ManagingUnit = demographics.ManagingUnit,
            RegisterStatus = record.RegisterStatus.ToProto(),
            CreatedAt = CanonicalDates.Format(record.CreatedAt),
            UpdatedAt = CanonicalDates.Format(record.UpdatedAt),
        };
        person.Identifiers.Add(new V1.Identifier { Kind = V1.IdentifierKind.HubId, Value = record.HubId });
        person.Identifiers.AddRange(record.Identifiers.Select(identifier => new V1.Identifier { Kind = identifier.Kind.ToProto(), Value = identifier.Value }));
        person.StatusHistory.AddRange(record.StatusHistory.Select(ToProto));
        person.Vaccinations.AddRange(record.Vaccinations.Select(ToProto));
        return person;
    }

    public static V1.PersonSummary ToSummary(this PersonRecord record) => new()
    {
        HubId = record.HubId,
        Name = record.Demographics.Name,
        Sex = record.Demographics.Sex.ToProto(),
        BirthDate = CanonicalDates.Format(record.Demographics.BirthDate),
        ManagingUnit = record.Demographics.ManagingUnit,
        ResidenceRegion = record.Demographics.ResidenceRegion,
        RegisterStatus = record.RegisterStatus.ToProto(),
    };

    private static V1.Contact ToProto(this Contact contact) => new()
    {
        Name = contact.Name ?? string.Empty,
        IdNumber = contact.IdNumber ?? string.Empty,
        Phone = contact.Phone ?? string.Empty,
    };

    private static V1.RegisterStatusChange ToProto(RegisterStatusChange change) => new()
    {
        From = change.From.ToProto(),
        To = change.To.ToProto(),
        EffectiveDate = CanonicalDates.Format(change.EffectiveDate),
        FromUnit = change.FromUnit,
        ToUnit = change.ToUnit,
        ToRegion = change.ToRegion ?? string.Empty,
        Remark = change.Remark ?? string.Empty,
        SourceSystem = change.SourceSystem,
        RecordedAt = CanonicalDates.Format(change.RecordedAt),
    };

    private static V1.Vaccination ToProto(VaccinationEvent vaccinationEvent)
    {
        var vaccination = vaccinationEvent.Dose;
        var proto = new V1.Vaccination
        {
            EventId = vaccinationEvent.EventId,
            VaccineCode = vaccination.VaccineCode,
            DoseNumber = vaccination.DoseNumber,
            Date = CanonicalDates.Format(vaccination.Date),
            LotNumber = vaccination.LotNumber ?? string.Empty,
            ExpiryDate = vaccination.ExpiryDate is { } expiry ? CanonicalDates.Format(expiry) : string.Empty,
            ManufacturerCode = vaccination.ManufacturerCode ?? string.Empty,
            TraceabilityCode = vaccination.TraceabilityCode ?? string.Empty,
            AdministeringUnit = vaccination.AdministeringUnit,
            Route = vaccination.Route.ToProto(),
            Site = vaccination.Site.ToProto(),
            Vaccinator = vaccination.Vaccinator ?? string.Empty,
            Kind = vaccination.Kind.ToProto(),
            SourceRecordId = vaccinationEvent.Sources[0].SourceRecordId ?? string.Empty,
            EnteredInError = !vaccinationEvent.IsValid,
            CvxCode = VaccineCodeTranslator.Default.CvxOf(vaccination) ?? string.Empty,
        };
        proto.Sources.AddRange(vaccinationEvent.Sources.Select(source => new V1.VaccinationSource
        {
            SourceSystem = source.SourceSystem,
            SourceRecordId = source.SourceRecordId ?? string.Empty,
            ReceivedAt = CanonicalDates.Format(source.ReceivedAt),
            CodeMapVersion = source.CodeMapVersion ?? string.Empty,
            SourceUnit = source.SourceUnit ?? string.Empty,
        }));
        return proto;
    }
}
