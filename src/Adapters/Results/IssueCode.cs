namespace Exchange.Adapters.Results;

/// <summary>Why an operation did not succeed; each edge maps it to its own status (gRPC, HTTP, FHIR).</summary>
public enum IssueCode
{
    Invalid = 1,
    NotFound = 2,
    Conflict = 3,
    Forbidden = 4,
    Transient = 5,
}
