namespace Exchange.Adapters.Results;

/// <summary>A value, or the issues that prevented it. Adapters return these for bad input instead of throwing.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Issue> issues)
    {
        _value = value;
        Issues = issues;
    }

    public IReadOnlyList<Issue> Issues { get; }

    public bool Succeeded => Issues.Count == 0;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException("The result has issues; there is no value.");

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return issues.Count == 0
            ? throw new ArgumentException("A failure needs at least one issue.", nameof(issues))
            : new Result<T>(default, issues);
    }
}
