namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// A small code system whose codes stand for the members of a model enum, loaded from a CSV with the columns
/// <c>code,value,name_zh,hl7,notes</c> (<c>value</c> is the enum member name). Codes and members are one-to-one.
/// </summary>
/// <typeparam name="TEnum">The model enum.</typeparam>
public sealed class CodedValueSystem<TEnum>
    where TEnum : struct, Enum
{
    internal static readonly string[] Header = ["code", "value", "name_zh", "hl7", "notes"];

    private readonly Dictionary<string, CodedValue<TEnum>> _byCode;
    private readonly Dictionary<TEnum, CodedValue<TEnum>> _byValue;

    private CodedValueSystem(string name, List<CodedValue<TEnum>> entries)
    {
        Name = name;
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _byValue = entries.ToDictionary(e => e.Value);
    }

    /// <summary>Code-system name, e.g. <c>sex</c>.</summary>
    public string Name { get; }

    /// <summary>Every code, in file order.</summary>
    public IReadOnlyList<CodedValue<TEnum>> Entries { get; }

    /// <summary>The entry for a code, or null when the code is unknown.</summary>
    public CodedValue<TEnum>? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code);
    }

    /// <summary>The enum member of a code; false when the code is unknown.</summary>
    public bool TryParse(string code, out TEnum value)
    {
        var entry = Find(code);
        value = entry?.Value ?? default;
        return entry is not null;
    }

    /// <summary>The entry of an enum member; throws when the member has no code (the load checks that all do).</summary>
    public CodedValue<TEnum> EntryOf(TEnum value) =>
        _byValue.TryGetValue(value, out var entry)
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} value has no code in '{Name}'");

    /// <summary>The hub code of an enum member.</summary>
    public string CodeOf(TEnum value) => EntryOf(value).Code;

    internal static CodedValueSystem<TEnum> Load(string name, string file, IReadOnlyList<CsvRow> rows)
    {
        var entries = new List<CodedValue<TEnum>>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var values = new HashSet<TEnum>();
        foreach (var row in rows)
        {
            var code = row.Required("code");
            if (!codes.Add(code))
            {
                throw row.Fail($"code {code} appears twice");
            }

            var member = row.Required("value");
            if (!Enum.TryParse<TEnum>(member, ignoreCase: false, out var value)
                || !Enum.IsDefined(value)
                || !string.Equals(value.ToString(), member, StringComparison.Ordinal))
            {
                throw row.Fail($"value '{member}' is not a member of {typeof(TEnum).Name}");
            }

            if (!values.Add(value))
            {
                throw row.Fail($"{typeof(TEnum).Name}.{member} has a second code");
            }

            entries.Add(new CodedValue<TEnum>(code, value, row.Required("name_zh"), row.Optional("hl7"), row.Optional("notes")));
        }

        var missing = Enum.GetValues<TEnum>().Where(v => !values.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            throw new CodeSystemFormatException(file, 0, $"no code for {typeof(TEnum).Name}.{string.Join(", ", missing)}");
        }

        return new CodedValueSystem<TEnum>(name, entries);
    }
}
