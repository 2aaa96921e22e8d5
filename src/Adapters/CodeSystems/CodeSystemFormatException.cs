namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// A code-system data file is missing or malformed. Thrown while loading, so a bad table stops the hub at start
/// instead of silently dropping codes; <see cref="File"/> and <see cref="Line"/> say where to look.
/// </summary>
public sealed class CodeSystemFormatException : Exception
{
    public CodeSystemFormatException()
    {
    }

    public CodeSystemFormatException(string message)
        : base(message)
    {
    }

    public CodeSystemFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for line <paramref name="line"/> (1-based; 0 for the whole file) of <paramref name="file"/>.</summary>
    public CodeSystemFormatException(string file, int line, string reason)
        : base(line > 0 ? $"{file}, line {line}: {reason}" : $"{file}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Data file name, e.g. <c>vaccine-codes.csv</c>; null when not known.</summary>
    public string? File { get; }

    /// <summary>1-based line number in <see cref="File"/>; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Reason { get; }
}
