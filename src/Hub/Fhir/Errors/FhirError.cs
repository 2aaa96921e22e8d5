using Exchange.Adapters.Results;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Errors;

/// <summary>One problem, as it becomes an OperationOutcome issue: type, what went wrong, and where (FHIRPath).</summary>
internal sealed record FhirIssue(
    OperationOutcome.IssueType Type,
    string Diagnostics,
    string? Expression,
    OperationOutcome.IssueSeverity Severity = OperationOutcome.IssueSeverity.Error);

/// <summary>A refused request: the HTTP status and the issues that explain it.</summary>
internal sealed record FhirError(int Status, IReadOnlyList<FhirIssue> Issues)
{
    /// <summary>
    /// The normalizers' issues behind this error (fields are FHIR paths), when the input could not be normalized: such
    /// a request is kept in quarantine. Empty for every other refusal (structure, rights, record state).
    /// </summary>
    public IReadOnlyList<Issue> Unnormalized { get; init; } = [];

    public static FhirError Invalid(string expression, string diagnostics) =>
        new(StatusCodes.Status400BadRequest, [new FhirIssue(OperationOutcome.IssueType.Invalid, diagnostics, expression)]);

    public static FhirError Structure(string? expression, string diagnostics) =>
        new(StatusCodes.Status400BadRequest, [new FhirIssue(OperationOutcome.IssueType.Structure, diagnostics, expression)]);

    public static FhirError NotFound(string? expression, string diagnostics) =>
        new(StatusCodes.Status404NotFound, [new FhirIssue(OperationOutcome.IssueType.NotFound, diagnostics, expression)]);

    public static FhirError NotSupported(int status, string? expression, string diagnostics) =>
        new(status, [new FhirIssue(OperationOutcome.IssueType.NotSupported, diagnostics, expression)]);

    public static FhirError BusinessRule(string? expression, string diagnostics) =>
        new(StatusCodes.Status422UnprocessableEntity, [new FhirIssue(OperationOutcome.IssueType.BusinessRule, diagnostics, expression)]);

    /// <summary>The same issues, each expression placed under <paramref name="prefix"/> (e.g. "Bundle.entry[3].resource").</summary>
    public FhirError Under(string prefix) => this with
    {
        Issues = [.. Issues.Select(issue => issue with { Expression = FhirPaths.Under(prefix, issue.Expression) })],
        Unnormalized = [.. Unnormalized.Select(issue => issue with { Field = FhirPaths.Under(prefix, issue.Field) })],
    };
}
