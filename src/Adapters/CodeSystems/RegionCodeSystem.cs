using System.Globalization;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// GB/T 2260 administrative division codes from <c>regions-gbt2260.csv</c>: the current list plus retired codes
/// that are still valid history (an identity number's address part never changes after issuance).
/// </summary>
public sealed class RegionCodeSystem
{
    internal const string File = "regions-gbt2260.csv";

    internal static readonly string[] Header = ["code", "name_zh", "level", "parent", "status", "retired", "successor", "notes"];

    private readonly Dictionary<string, RegionCodeEntry> _byCode;

    private RegionCodeSystem(List<RegionCodeEntry> entries)
    {
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
    }

    /// <summary>Every code, current and retired, in file order.</summary>
    public IReadOnlyList<RegionCodeEntry> Entries { get; }

    /// <summary>The entry for a 6-digit code, current or retired; null when unknown.</summary>
    public RegionCodeEntry? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code);
    }

    /// <summary>True when the 6-digit code is in the table, current or retired.</summary>
    public bool IsKnown(string code) => Find(code) is not null;

    /// <summary>True when the 6-digit code is in the current list.</summary>
    public bool IsCurrent(string code) => Find(code)?.IsCurrent == true;

    /// <summary>
    /// The county-level division named by the first six digits of <paramref name="code"/>: a region code,
    /// a 9- or 12-digit township or village code, a 10-digit unit code or an identity number's address part.
    /// Null when the prefix is unknown or is not county level.
    /// </summary>
    public RegionCodeEntry? CountyOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length >= RegionCode.Length && Find(code[..RegionCode.Length]) is { Level: RegionLevel.County } county
            ? county
            : null;
    }

    /// <summary>The enclosing division of <paramref name="entry"/>, or null for province level.</summary>
    public RegionCodeEntry? ParentOf(RegionCodeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Parent is null ? null : _byCode[entry.Parent];
    }

    /// <summary>The province-level division containing the code (itself for a province); null when the code is unknown.</summary>
    public RegionCodeEntry? ProvinceOf(string code)
    {
        var entry = Find(code);
        while (entry is { Parent: not null })
        {
            entry = _byCode[entry.Parent];
        }

        return entry;
    }

    internal static RegionCodeSystem Load(IReadOnlyList<CsvRow> rows)
    {
        var entries = new List<RegionCodeEntry>();
        var rowOf = new Dictionary<string, CsvRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("code");
            if (RegionCode.Check(code) is { } reason)
            {
                throw row.Fail($"code '{code}': {reason}");
            }

            if (!rowOf.TryAdd(code, row))
            {
                throw row.Fail($"code {code} appears twice");
            }

            var level = row.Required("level") switch
            {
                "province" => RegionLevel.Province,
                "prefecture" => RegionLevel.Prefecture,
                "county" => RegionLevel.County,
                var other => throw row.Fail($"level is '{other}'; expected province, prefecture or county"),
            };
            var status = row.Required("status") switch
            {
                "current" => RegionStatus.Current,
                "retired" => RegionStatus.Retired,
                var other => throw row.Fail($"status is '{other}'; expected current or retired"),
            };

            int? retired = null;
            if (row.Optional("retired") is { } year)
            {
                if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1949 or > 2100)
                {
                    throw row.Fail($"retired is '{year}'; expected a year");
                }

                retired = value;
            }

            if ((status == RegionStatus.Retired) != retired.HasValue)
            {
                throw row.Fail("a retired code needs a retired year, and a current code must not have one");
            }

            var parent = row.Optional("parent");
            if ((level == RegionLevel.Province) != (parent is null))
            {
                throw row.Fail("a province-level code has no parent; every other code has one");
            }

            entries.Add(new RegionCodeEntry(
                code, row.Required("name_zh"), level, parent, status, retired, row.Optional("successor"), row.Optional("notes")));
        }

        var byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var row = rowOf[entry.Code];
            if (entry.Parent is not null)
            {
                if (!byCode.TryGetValue(entry.Parent, out var parentEntry))
                {
                    throw row.Fail($"parent {entry.Parent} is not in the table");
                }

                var parentLevel = parentEntry.Level;
                if (parentLevel >= entry.Level)
                {
                    throw row.Fail($"parent {entry.Parent} is {parentLevel} level, not above {entry.Level}");
                }

                if (!string.Equals(entry.Parent[..2], entry.Code[..2], StringComparison.Ordinal))
                {
                    throw row.Fail($"parent {entry.Parent} is in another province");
                }
            }

            if (entry.Successor is not null && !rowOf.ContainsKey(entry.Successor))
            {
                throw row.Fail($"successor {entry.Successor} is not in the table");
            }
        }

        return new RegionCodeSystem(entries);
    }
}
