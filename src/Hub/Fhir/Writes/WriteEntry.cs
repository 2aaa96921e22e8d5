using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>One write of a request: a standalone create/update, or one entry of a transaction or batch Bundle.</summary>
/// <param name="Index">Position in the Bundle (0 for a standalone request).</param>
/// <param name="Prefix">Where the resource sits in the request, for error expressions: null for a standalone
/// request (expressions start at the resource), "Bundle.entry[3].resource" in a Bundle.</param>
/// <param name="Method">POST (create) or PUT (update).</param>
/// <param name="TargetId">The id in the URL of an update.</param>
/// <param name="IfNoneExist">The conditional-create query, e.g. "identifier=system|value".</param>
internal sealed record WriteEntry(int Index, string? Prefix, string? FullUrl, string Method, Resource Resource, string? TargetId, string? IfNoneExist)
{
    public string ResourceType => Resource.TypeName;

    public string Expression(string element) => Prefix is null ? $"{ResourceType}.{element}" : $"{Prefix}.{element}";
}

/// <summary>What became of one write: status line, location and an explaining outcome where useful.</summary>
internal sealed record EntryResult(string Status, string? Location, OperationOutcome? Outcome)
{
    public static EntryResult Created(string location) => new("201 Created", location, null);

    public static EntryResult Ok(string location) => new("200 OK", location, null);
}
