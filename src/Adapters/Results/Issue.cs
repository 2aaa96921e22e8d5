namespace Exchange.Adapters.Results;

/// <summary>One problem with an input: what, where (a field path such as "child.identifiers[0].value") and why.</summary>
public sealed record Issue(IssueCode Code, string Field, string Message)
{
    public static Issue Invalid(string field, string message) => new(IssueCode.Invalid, field, message);
}
