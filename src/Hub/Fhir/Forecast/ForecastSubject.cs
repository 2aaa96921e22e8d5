using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// What a forecast is about: the child's schedule facts and the Patient the outputs point at. A stored child has a
/// hub id and residence region (named in the exchange log); a Patient posted to $immds-forecast has neither.
/// </summary>
internal sealed record ForecastSubject(ScheduleSubject Child, ResourceReference Patient, string? HubId, string? Region)
{
    public static ForecastSubject Stored(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ForecastSubject(
            ScheduleSubject.From(record), new ResourceReference($"Patient/{record.HubId}"), record.HubId, record.Demographics.ResidenceRegion);
    }

    /// <summary>The Immunization a dose came from: by id when it has one, else described (a posted dose without an id).</summary>
    public static ResourceReference DoseReference(GivenDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return dose.EventId is { } id
            ? new ResourceReference($"Immunization/{id}")
            : new ResourceReference { Display = $"{dose.VaccineCode} given {Exchange.Adapters.Normalization.CanonicalDates.Format(dose.Date)}" };
    }
}
