using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>Everything a request will write, checked and normalized before the first write.</summary>
internal sealed class WritePlan
{
    public List<PatientTarget> Targets { get; } = [];

    /// <summary>Immunizations to mark entered-in-error: the entry, the record's hub id and the event id.</summary>
    public List<(WriteEntry Entry, string HubId, string EventId)> StatusChanges { get; } = [];

    /// <summary>Entries answered without a write (a resource type the hub does not store, or a conditional match).</summary>
    public Dictionary<int, EntryResult> Answered { get; } = [];

    public List<FhirError> Errors { get; } = [];

    public void Fail(WriteEntry entry, FhirError error) => Errors.Add(entry.Prefix is null ? error : error.Under(entry.Prefix));

    /// <summary>All errors as one: the highest status, every issue.</summary>
    public FhirError CombinedError() => new(Errors.Max(error => error.Status), [.. Errors.SelectMany(error => error.Issues)])
    {
        Unnormalized = [.. Errors.SelectMany(error => error.Unnormalized)],
    };

    public static OperationOutcome NotStored(string resourceType) => OperationOutcomes.From([new FhirIssue(
        OperationOutcome.IssueType.NotSupported,
        $"{resourceType} is not stored by this hub (it keeps Patient and Immunization); this entry was not kept",
        null,
        OperationOutcome.IssueSeverity.Warning)]);
}
