namespace Exchange.Adapters.Results;

/// <summary>One problem with an input: what, where (a field path such as "child.identifiers[0].value") and why.</summary>
/// <param name="Reason">
/// A stable machine-readable reason (<see cref="ReasonCodes"/>), e.g. <c>unknown-code</c>; null where none more precise
/// than <see cref="Code"/> applies. Operators filter quarantined inputs by it.
/// </param>
public sealed record Issue(IssueCode Code, string Field, string Message, string? Reason = null)
{
    public static Issue Invalid(string field, string message, string? reason = null) => new(IssueCode.Invalid, field, message, reason);

    /// <summary>The reason code, or <see cref="ReasonCodes.Invalid"/> when the issue has none.</summary>
    public string ReasonOrDefault => Reason ?? ReasonCodes.Invalid;
}
