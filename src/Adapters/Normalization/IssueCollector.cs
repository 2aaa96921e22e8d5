using Exchange.Adapters.Results;

namespace Exchange.Adapters.Normalization;

/// <summary>Collects every field problem of one input, so a caller learns all of them at once.</summary>
/// <param name="fieldPrefix">
/// Path of the input in its request (e.g. "vaccinations[2]"), put before every field name given; the full path is
/// built only when an issue is recorded, since most inputs have none.
/// </param>
public sealed class IssueCollector(string? fieldPrefix = null)
{
    private readonly List<Issue> _issues = [];

    public bool HasIssues => _issues.Count > 0;

    public IReadOnlyList<Issue> Issues => _issues;

    /// <param name="reason">A <see cref="ReasonCodes"/> value, or null for a plain invalid value.</param>
    public void Invalid(string field, string message, string? reason = null) =>
        _issues.Add(Issue.Invalid(fieldPrefix is null ? field : $"{fieldPrefix}.{field}", message, reason));

    public void AddRange(IEnumerable<Issue> issues) => _issues.AddRange(issues);

    /// <summary>Records the reason a format check returned, if any; true when the value passed.</summary>
    /// <param name="reasonCode">The <see cref="ReasonCodes"/> value recorded when the check failed.</param>
    public bool Check(string field, string? reason, string? reasonCode = null)
    {
        if (reason is null)
        {
            return true;
        }

        Invalid(field, reason, reasonCode);
        return false;
    }

    public Result<T> ToResult<T>(Func<T> build) => HasIssues ? Result<T>.Failure(_issues) : Result<T>.Success(build());
}
