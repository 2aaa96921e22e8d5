using Exchange.Adapters.Results;
using Exchange.Hub.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Errors;

/// <summary>Builds OperationOutcomes, and turns the adapters' issues into FHIR errors with FHIR element paths.</summary>
internal static class OperationOutcomes
{
    public static OperationOutcome From(FhirError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return From(error.Issues);
    }

    public static OperationOutcome From(IEnumerable<FhirIssue> issues)
    {
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            var component = new OperationOutcome.IssueComponent { Severity = issue.Severity, Code = issue.Type, Diagnostics = issue.Diagnostics };
            if (issue.Expression is not null)
            {
                component.Expression = [issue.Expression];
            }

            outcome.Issue.Add(component);
        }

        return outcome;
    }

    public static OperationOutcome Information(string diagnostics) =>
        From([new FhirIssue(OperationOutcome.IssueType.Informational, diagnostics, null, OperationOutcome.IssueSeverity.Information)]);

    /// <summary>
    /// The adapters' issues as one FHIR error: each issue's field is translated to a FHIR path by
    /// <paramref name="pathOf"/>. Invalid input is 400; a refusal by the record's rules (conflict, not found) keeps
    /// its own status.
    /// </summary>
    public static FhirError FromIssues(IReadOnlyList<Issue> issues, Func<string, string> pathOf)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(pathOf);
        var status = issues.Select(issue => IssueCodeMap.ToHttp(issue.Code)).Max();
        return new FhirError(status, [.. issues.Select(issue => new FhirIssue(IssueCodeMap.ToFhir(issue.Code), issue.Message, pathOf(issue.Field)))]);
    }
}
