using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Silo.Records;
using Exchange.Silo.Registry;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// Writes a checked plan: one grain call per record (registration or update with its doses, or the doses alone),
/// then the entered-in-error marks. A record's writes are atomic; writes to several records are not (README).
/// </summary>
internal sealed class WriteExecutor(PersonDirectory directory)
{
    /// <param name="messageId">Base of the client message ids: a retry of the same request repeats them.</param>
    public async Task<(Dictionary<int, EntryResult>? Results, FhirError? Error)> ExecuteAsync(
        WritePlan plan, Caller caller, string messageId, DateTimeOffset now, ExchangeCall exchange)
    {
        var results = new Dictionary<int, EntryResult>(plan.Answered);
        var written = new List<string>();
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var target = plan.Targets[i];
            if (target.Registration is null && target.Doses.Count == 0)
            {
                continue;
            }

            var outcome = await WriteAsync(target, caller, $"{messageId}:{i}", now);
            exchange.Touched(outcome.HubId, outcome.ResidenceRegion);
            if (!outcome.Succeeded)
            {
                return (null, Failure(outcome, target, written));
            }

            written.Add($"Patient/{outcome.HubId}");
            if (target.PatientEntry is { } patientEntry)
            {
                results[patientEntry.Index] = outcome.Created
                    ? EntryResult.Created($"Patient/{outcome.HubId}")
                    : EntryResult.Ok($"Patient/{outcome.HubId}");
            }

            foreach (var dose in outcome.Doses)
            {
                var entry = target.Doses[dose.Index].Entry;
                var location = $"Immunization/{dose.EventId}";
                results[entry.Index] = dose.Kind == DoseOutcomeKind.Recorded ? EntryResult.Created(location) : EntryResult.Ok(location);
            }
        }

        foreach (var (entry, hubId, eventId) in plan.StatusChanges)
        {
            var marked = await directory.Person(hubId).MarkEnteredInErrorAsync(
                new MarkEnteredInErrorCommand(caller.SystemId, $"{messageId}:mark:{entry.Index}", eventId, now));
            if (marked.Issues.Length > 0)
            {
                return (null, OperationOutcomes.FromIssues(marked.Issues, _ => entry.Expression("id")));
            }

            results[entry.Index] = EntryResult.Ok($"Immunization/{eventId}");
        }

        return (results, null);
    }

    private Task<PersonWriteOutcome> WriteAsync(PatientTarget target, Caller caller, string messageId, DateTimeOffset now)
    {
        var doses = target.Doses.Select(item => item.Dose).ToArray();
        if (target.Registration is { } registration)
        {
            var command = new RegisterPersonCommand(caller.SystemId, messageId, registration, doses, now, caller.UnitCode);
            return target.HubId is { } hubId ? directory.UpdateAsync(hubId, command) : directory.RegisterAsync(command);
        }

        return directory.Person(target.HubId!).RecordDosesAsync(new RecordDosesCommand(caller.SystemId, messageId, doses, now, caller.UnitCode));
    }

    /// <summary>A refused write, naming the records already written by this request (no cross-record rollback).</summary>
    private static FhirError Failure(PersonWriteOutcome outcome, PatientTarget target, List<string> written)
    {
        var error = OperationOutcomes.FromIssues(outcome.Issues, field => PathOf(field, target));
        if (written.Count == 0)
        {
            return error;
        }

        return error with
        {
            Issues = [.. error.Issues, new FhirIssue(
                OperationOutcome.IssueType.Incomplete,
                $"records written by this request before the failure stay written: {string.Join(", ", written)}",
                null,
                OperationOutcome.IssueSeverity.Warning)],
        };
    }

    /// <summary>"vaccinations[2].date" is the third dose's entry's occurrence; "child..." is the Patient entry.</summary>
    private static string PathOf(string field, PatientTarget target)
    {
        const string Doses = "vaccinations[";
        if (field.StartsWith(Doses, StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(field.AsSpan(Doses.Length, close - Doses.Length), System.Globalization.CultureInfo.InvariantCulture);
            var entry = target.Doses[index].Entry;
            return field.EndsWith(".date", StringComparison.Ordinal) ? entry.Expression("occurrence") : entry.Expression("vaccineCode");
        }

        return target.PatientEntry?.Expression(field.StartsWith("child.identifiers", StringComparison.Ordinal) ? "identifier" : "id") ?? "Patient";
    }
}
