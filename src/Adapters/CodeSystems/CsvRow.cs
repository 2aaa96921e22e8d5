namespace Exchange.Adapters.CodeSystems;

/// <summary>One data row of a code-system CSV file, with its location for error messages.</summary>
internal sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>The field of <paramref name="column"/>, or null when it is empty.</summary>
    public string? Optional(string column)
    {
        var value = fields[columns[column]];
        return value.Length == 0 ? null : value;
    }

    /// <summary>The field of <paramref name="column"/>; throws when it is empty.</summary>
    public string Required(string column) =>
        Optional(column) ?? throw Fail($"column '{column}' is empty");

    /// <summary>Parses a yes/no field.</summary>
    public bool YesNo(string column) =>
        Required(column) switch
        {
            "yes" => true,
            "no" => false,
            var other => throw Fail($"column '{column}' is '{other}'; expected yes or no"),
        };

    public CodeSystemFormatException Fail(string reason) => new(File, Line, reason);
}
