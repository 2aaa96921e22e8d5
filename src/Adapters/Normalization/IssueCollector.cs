using Exchange.Adapters.Results;

namespace Exchange.Adapters.Normalization;

/// <summary>Collects every field problem of one input, so a caller learns all of them at once.</summary>
public sealed class IssueCollector
{
    private readonly List<Issue> _issues = [];

    public bool HasIssues => _issues.Count > 0;

    public IReadOnlyList<Issue> Issues => _issues;

    public void Invalid(string field, string message) => _issues.Add(Issue.Invalid(field, message));

    public void AddRange(IEnumerable<Issue> issues) => _issues.AddRange(issues);

    /// <summary>Records the reason a format check returned, if any; true when the value passed.</summary>
    public bool Check(string field, string? reason)
    {
        if (reason is null)
        {
            return true;
        }

        Invalid(field, reason);
        return false;
    }

    public Result<T> ToResult<T>(Func<T> build) => HasIssues ? Result<T>.Failure(_issues) : Result<T>.Success(build());
}
