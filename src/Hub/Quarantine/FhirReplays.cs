using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Bundles;
using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Fhir.Writes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Quarantine;

/// <summary>
/// Replays a quarantined FHIR write (<see cref="FhirHold"/>: a transaction Bundle, or a create or update as a one-entry
/// batch Bundle) through the FHIR write path, as the original sender with its current code map. The writes are keyed
/// by the quarantine id, so a replay repeated (two resubmits racing) is recognized by each record and changes nothing.
/// </summary>
internal sealed class FhirReplay(string operation, FhirWrites writes) : IQuarantineReplay
{
    /// <summary>The operations this replay is registered for, one instance each.</summary>
    public static readonly string[] Operations = [QuarantineOperations.FhirCreate, QuarantineOperations.FhirUpdate, QuarantineOperations.FhirTransaction];

    public string Operation => operation;

    public async Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken)
    {
        var (resource, parseError) = FhirJson.Parse(payload);
        if (parseError is not null || resource is not Bundle bundle)
        {
            return Refused(parseError ?? FhirError.Invalid("Bundle", $"the held payload is a {resource?.TypeName}, not a Bundle"));
        }

        var entries = new List<WriteEntry>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var (entry, error) = BundleEntries.Read(bundle.Entry[i], i);
            if (error is not null)
            {
                return Refused(error);
            }

            entries.Add(entry!);
        }

        var transaction = bundle.Type == Bundle.BundleType.Transaction;
        var (results, failure) = await writes.RunAsync(entries, caller, $"fhir-{quarantineId}", transaction, new ExchangeCall(), hold: null, codes);
        if (failure is not null)
        {
            return Refused(failure);
        }

        var hubId = results!.OrderBy(result => result.Key).Select(result => HubIdOf(result.Value.Location)).FirstOrDefault(id => id is not null);
        return hubId is null ? Refused(FhirError.Invalid("Bundle", "the held request wrote no record")) : new ReplayOutcome(hubId, []);
    }

    /// <summary>"Patient/{hubId}" or "Immunization/{hubId}-{n}" to the hub id.</summary>
    private static string? HubIdOf(string? location) => location?.Split('/') switch
    {
        ["Patient", var hubId] => hubId,
        ["Immunization", var eventId] => FhirResponses.HubIdOfEvent(eventId),
        _ => null,
    };

    /// <summary>The normalizers' issues when there are any (the reasons operators filter on); else the outcome's issues.</summary>
    private static ReplayOutcome Refused(FhirError error)
    {
        if (error.Unnormalized.Count > 0)
        {
            return ReplayOutcome.Refused(error.Unnormalized);
        }

        var code = error.Status switch
        {
            StatusCodes.Status404NotFound => IssueCode.NotFound,
            StatusCodes.Status409Conflict => IssueCode.Conflict,
            StatusCodes.Status403Forbidden => IssueCode.Forbidden,
            _ => IssueCode.Invalid,
        };
        return ReplayOutcome.Refused([.. error.Issues
            .Where(issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(issue => new Issue(code, issue.Expression ?? "Bundle", issue.Diagnostics))]);
    }
}
