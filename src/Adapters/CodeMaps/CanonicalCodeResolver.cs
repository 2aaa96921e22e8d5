using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.CodeMaps;

/// <summary>Resolves codes against the hub's own code systems and aliases, with no source map involved.</summary>
public sealed class CanonicalCodeResolver
{
    private const string CvxPrefix = "CVX:";

    private static readonly Lazy<CanonicalCodeResolver> LazyDefault = new(() => new CanonicalCodeResolver(HubCodeSystems.Default));

    private readonly ILookup<string, VaccineCodeEntry> _byShortName;
    private readonly ILookup<string, VaccineCodeEntry> _byName;

    public CanonicalCodeResolver(HubCodeSystems codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        Codes = codes;
        _byShortName = codes.Vaccines.Codes.ToLookup(c => c.ShortName.ToUpperInvariant(), StringComparer.Ordinal);
        _byName = codes.Vaccines.Codes.ToLookup(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The resolver over <see cref="HubCodeSystems.Default"/>.</summary>
    public static CanonicalCodeResolver Default => LazyDefault.Value;

    public HubCodeSystems Codes { get; }

    /// <summary>Resolves a cleaned, non-empty code; see <see cref="ICodeTranslator.Translate"/> for what is accepted.</summary>
    public CodeTranslation Resolve(CodeMapSystem system, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return system switch
        {
            CodeMapSystem.Vaccine => Vaccine(code),
            CodeMapSystem.Region => Region(code),
            CodeMapSystem.Sex => Coded(Codes.Sexes, "sex", code),
            CodeMapSystem.Route => Coded(Codes.Routes, "route", code),
            CodeMapSystem.Site => Coded(Codes.Sites, "site", code),
            CodeMapSystem.Kind => Coded(Codes.VaccinationKinds, "kind", code),
            _ => CodeTranslation.Invalid($"unknown code system {system}"),
        };
    }

    /// <summary>True when <paramref name="code"/> is a hub code of <paramref name="system"/> as written (no aliases).</summary>
    public bool IsHubCode(CodeMapSystem system, string code) => system switch
    {
        CodeMapSystem.Vaccine => Codes.Vaccines.Find(code) is not null,
        CodeMapSystem.Region => Codes.Regions.IsKnown(code),
        CodeMapSystem.Sex => Codes.Sexes.Find(code) is not null,
        CodeMapSystem.Route => Codes.Routes.Find(code) is not null,
        CodeMapSystem.Site => Codes.Sites.Find(code) is not null,
        CodeMapSystem.Kind => Codes.VaccinationKinds.Find(code) is not null,
        _ => false,
    };

    private CodeTranslation Vaccine(string code)
    {
        if (code.StartsWith(CvxPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Cvx(code[CvxPrefix.Length..].Trim());
        }

        if (code.Length == 4 && code.All(char.IsAsciiDigit))
        {
            return Codes.Vaccines.Find(code) is not null
                ? CodeTranslation.Found(code)
                : CodeTranslation.Unknown($"'{code}' is not a national vaccine code (vaccine-codes {Codes.VersionOf("vaccine-codes")?.Version})");
        }

        if (code.Length is >= 1 and <= 3 && code.All(char.IsAsciiDigit))
        {
            return Cvx(code);
        }

        if (Codes.Aliases.Find(CodeAliasTable.Vaccine, code) is { } aliased)
        {
            return CodeTranslation.Found(aliased);
        }

        var matches = _byShortName[code.ToUpperInvariant()].Concat(_byName[code]).DistinctBy(c => c.Code).ToList();
        return matches.Count switch
        {
            1 => CodeTranslation.Found(matches[0].Code),
            0 => CodeTranslation.Unknown($"'{code}' is not a national vaccine code, CVX code, short name or alias"),
            _ => CodeTranslation.Ambiguous($"'{code}' names {matches.Count} national vaccine codes ({string.Join(", ", matches.Select(m => m.Code))}); send the national code"),
        };
    }

    private CodeTranslation Cvx(string cvx)
    {
        if (VaccineCodeSystem.NormalizeCvx(cvx) is not { } key)
        {
            return CodeTranslation.Invalid($"'{cvx}' is not a CVX code (1-3 digits)");
        }

        if (Codes.Aliases.Find(CodeAliasTable.VaccineCvx, key) is { } preferred)
        {
            return CodeTranslation.Found(preferred);
        }

        var matches = Codes.Vaccines.FindByCvx(key);
        return matches.Count switch
        {
            1 => CodeTranslation.Found(matches[0].Code),
            0 => CodeTranslation.Unknown($"CVX {key} has no national vaccine code"),
            _ => CodeTranslation.Ambiguous($"CVX {key} matches {matches.Count} national vaccine codes ({string.Join(", ", matches.Select(m => m.Code))}); send the national code"),
        };
    }

    private CodeTranslation Region(string code)
    {
        if (RegionCode.Check(code) is { } reason)
        {
            return CodeTranslation.Invalid(reason);
        }

        return Codes.Regions.IsKnown(code)
            ? CodeTranslation.Found(code)
            : CodeTranslation.Unknown($"region {code} is not in GB/T 2260 (regions-gbt2260 {Codes.VersionOf("regions-gbt2260")?.Version}, current and retired codes)");
    }

    private CodeTranslation Coded<TEnum>(CodedValueSystem<TEnum> table, string aliasSystem, string code)
        where TEnum : struct, Enum
    {
        var entry = table.Find(code)
            ?? table.Entries.FirstOrDefault(e =>
                string.Equals(e.Value.ToString(), code, StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.Name, code, StringComparison.Ordinal)
                || string.Equals(e.Hl7, code, StringComparison.OrdinalIgnoreCase));
        if (entry is not null)
        {
            return CodeTranslation.Found(entry.Code);
        }

        return Codes.Aliases.Find(aliasSystem, code) is { } aliased
            ? CodeTranslation.Found(aliased)
            : CodeTranslation.Unknown($"'{code}' is not a {table.Name} code ({string.Join(", ", table.Entries.Select(e => $"{e.Code} {e.Value}"))})");
    }
}
