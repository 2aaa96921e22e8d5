using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>The conditional-create query the hub supports: <c>identifier=system|value</c>.</summary>
internal static class ConditionalQuery
{
    public static (string? System, string? Value, FhirError? Error) ParseIdentifier(string query, string expression)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.TrimStart('?');
        const string Prefix = "identifier=";
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal) || trimmed.Contains('&', StringComparison.Ordinal))
        {
            return (null, null, FhirError.NotSupported(
                StatusCodes.Status400BadRequest, expression, $"conditional create supports 'identifier=system|value' only, not '{query}'"));
        }

        var token = Uri.UnescapeDataString(trimmed[Prefix.Length..]);
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        var system = bar < 0 ? null : token[..bar];
        var value = bar < 0 ? token : token[(bar + 1)..];
        return value.Length == 0
            ? (null, null, new FhirError(StatusCodes.Status400BadRequest, [new FhirIssue(OperationOutcome.IssueType.Invalid, "the identifier value is empty", expression)]))
            : (system, value, null);
    }
}
