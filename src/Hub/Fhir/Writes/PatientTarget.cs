using Exchange.Adapters.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// The record one group of writes lands in, written by one grain call: a registration (new or found by its
/// identifiers), an update of a record by hub id, or an existing record that only gets doses.
/// </summary>
internal sealed class PatientTarget
{
    public PatientTarget(WriteEntry? patientEntry, PersonRegistration? registration, string? hubId, PersonRecord? stored)
    {
        PatientEntry = patientEntry;
        Registration = registration;
        HubId = hubId;
        Stored = stored;
    }

    /// <summary>The Patient entry of the Bundle, when the group has one that writes the Patient.</summary>
    public WriteEntry? PatientEntry { get; }

    /// <summary>The normalized Patient to register or update with; null when the group only records doses.</summary>
    public PersonRegistration? Registration { get; }

    /// <summary>Known hub id (update or existing record); null for a registration that resolves its own.</summary>
    public string? HubId { get; }

    /// <summary>The stored record when the hub id is known.</summary>
    public PersonRecord? Stored { get; }

    /// <summary>The Immunization entries of the group and their normalized doses (filled during planning).</summary>
    public List<(WriteEntry Entry, DoseReport Dose)> Doses { get; } = [];

    /// <summary>Immunization entries already on the record (conditional create matched), answered without writing.</summary>
    public List<(WriteEntry Entry, string EventId)> Existing { get; } = [];

    public DateOnly BirthDate => Registration?.Demographics.BirthDate ?? Stored!.Demographics.BirthDate;

    public string ManagingUnit => Registration?.Demographics.ManagingUnit ?? Stored!.Demographics.ManagingUnit;

    public IReadOnlyList<VaccinationEvent> StoredEvents => Stored?.Vaccinations ?? [];
}
