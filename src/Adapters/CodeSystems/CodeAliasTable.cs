namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// Everyday spellings of hub codes from <c>code-aliases.csv</c> (<c>system,alias,code,notes</c>): Chinese and
/// English short names of vaccines (乙肝, HepB), the preferred national code of a CVX code that matches several, and
/// spellings of sex and site. Aliases compare case-insensitively; each points at a code of its system's table.
/// </summary>
public sealed class CodeAliasTable
{
    internal const string File = "code-aliases.csv";

    /// <summary>System names of the file: the vaccine table by name, by CVX, and the coded-value tables.</summary>
    public const string Vaccine = "vaccine";

    /// <summary>Preferred national code of a CVX code (key: the CVX code in canonical spelling).</summary>
    public const string VaccineCvx = "vaccine-cvx";

    internal static readonly string[] Header = ["system", "alias", "code", "notes"];

    private readonly Dictionary<(string System, string Alias), string> _codes;

    private CodeAliasTable(Dictionary<(string System, string Alias), string> codes) => _codes = codes;

    /// <summary>Number of aliases.</summary>
    public int Count => _codes.Count;

    /// <summary>The hub code an alias stands for in <paramref name="system"/>, or null.</summary>
    public string? Find(string system, string alias)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alias);
        return _codes.GetValueOrDefault((system, Key(alias)));
    }

    private static string Key(string alias) => alias.Trim().ToUpperInvariant();

    internal static CodeAliasTable Load(IReadOnlyList<CsvRow> rows, Func<string, string, bool> codeExists)
    {
        var codes = new Dictionary<(string, string), string>();
        foreach (var row in rows)
        {
            var system = row.Required("system");
            var alias = row.Required("alias");
            var code = row.Required("code");
            if (!codeExists(system, code))
            {
                throw row.Fail($"code {code} is not in the {system} table (or the system is not one of vaccine, vaccine-cvx, sex, route, site, kind)");
            }

            if (!codes.TryAdd((system, Key(alias)), code))
            {
                throw row.Fail($"alias '{alias}' appears twice in {system}");
            }
        }

        return new CodeAliasTable(codes);
    }
}
