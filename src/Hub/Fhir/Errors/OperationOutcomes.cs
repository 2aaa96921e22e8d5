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
        var status = issues.Select(StatusOf).Max();
        return new FhirError(status, [.. issues.Select(issue => new FhirIssue(TypeOf(issue), issue.Message, pathOf(issue.Field)))]);
    }

    /// <summary>
    /// <see cref="FromIssues"/> for the normalizers' issues: the error also carries them (with FHIR paths), which marks
    /// the request for quarantine.
    /// </summary>
    public static FhirError FromNormalizer(IReadOnlyList<Issue> issues, Func<string, string> pathOf)
    {
        var error = FromIssues(issues, pathOf);
        return error with { Unnormalized = [.. issues.Select(issue => issue with { Field = pathOf(issue.Field) })] };
    }

    // FHIR R4 http.html#2.21.0.2: 422 for content that breaks the server's rules; a code outside the hub's tables and
    // the sender's map is well-formed but unprocessable, and the sender fixes it by a map entry, not a new request.
    private static bool IsUnknownCode(Issue issue) => issue.Reason is ReasonCodes.UnknownCode or ReasonCodes.AmbiguousCode;

    private static int StatusOf(Issue issue) => IsUnknownCode(issue) ? StatusCodes.Status422UnprocessableEntity : IssueCodeMap.ToHttp(issue.Code);

    private static OperationOutcome.IssueType TypeOf(Issue issue) => IsUnknownCode(issue) ? OperationOutcome.IssueType.CodeInvalid : IssueCodeMap.ToFhir(issue.Code);
}
