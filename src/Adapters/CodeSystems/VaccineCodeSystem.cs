using System.Globalization;
using Formats = Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// The hub's national 4-digit vaccine codes with their categories and CVX mappings,
/// loaded from <c>vaccine-codes.csv</c> and <c>vaccine-categories.csv</c>.
/// </summary>
public sealed class VaccineCodeSystem
{
    internal const string CodesFile = "vaccine-codes.csv";
    internal const string CategoriesFile = "vaccine-categories.csv";

    internal static readonly string[] CodesHeader = ["code", "category", "name_zh", "short_name", "nip", "cvx", "live", "notes"];
    internal static readonly string[] CategoriesHeader = ["code", "name_zh", "source"];

    private readonly Dictionary<string, VaccineCodeEntry> _byCode;
    private readonly Dictionary<string, VaccineCategory> _categories;
    private readonly ILookup<string, VaccineCodeEntry> _byCvx;

    private VaccineCodeSystem(List<VaccineCodeEntry> codes, List<VaccineCategory> categories)
    {
        Codes = codes;
        Categories = categories;
        _byCode = codes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _byCvx = codes.Where(c => c.Cvx is not null).ToLookup(c => c.Cvx!, StringComparer.Ordinal);
    }

    /// <summary>Every vaccine code, in file order.</summary>
    public IReadOnlyList<VaccineCodeEntry> Codes { get; }

    /// <summary>Every vaccine category, in file order.</summary>
    public IReadOnlyList<VaccineCategory> Categories { get; }

    /// <summary>The entry for a 4-digit code, or null when the code is not in the table.</summary>
    public VaccineCodeEntry? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code);
    }

    /// <summary>The category named by the first two digits of <paramref name="codeOrCategory"/> (a 2- or 4-digit code), or null.</summary>
    public VaccineCategory? FindCategory(string codeOrCategory)
    {
        ArgumentNullException.ThrowIfNull(codeOrCategory);
        return codeOrCategory.Length is 2 or 4 ? _categories.GetValueOrDefault(codeOrCategory[..2]) : null;
    }

    /// <summary>The national codes in a 2-digit category.</summary>
    public IReadOnlyList<VaccineCodeEntry> InCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Codes.Where(c => string.Equals(c.Category, category, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The national codes mapped to a CVX code; empty when none. Leading zeros do not matter
    /// (<c>8</c>, <c>08</c> and <c>008</c> all mean CVX 08).
    /// </summary>
    public IReadOnlyList<VaccineCodeEntry> FindByCvx(string cvx)
    {
        ArgumentNullException.ThrowIfNull(cvx);
        return NormalizeCvx(cvx) is { } key ? _byCvx[key].ToList() : [];
    }

    /// <summary>
    /// The CVX code in its canonical spelling: digits without leading zeros, padded to two digits
    /// (<c>08</c>, <c>19</c>, <c>133</c>), as in the CDC table; null when <paramref name="cvx"/> is not 1-3 digits.
    /// </summary>
    public static string? NormalizeCvx(string cvx)
    {
        ArgumentNullException.ThrowIfNull(cvx);
        var trimmed = cvx.Trim();
        if (trimmed.Length is 0 or > 3 || trimmed.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        return int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture);
    }

    internal static VaccineCodeSystem Load(IReadOnlyList<CsvRow> categoryRows, IReadOnlyList<CsvRow> codeRows)
    {
        var categories = new List<VaccineCategory>();
        var categoryCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in categoryRows)
        {
            var code = row.Required("code");
            if (code.Length != 2 || code.AsSpan().ContainsAnyExceptInRange('0', '9') || code == "00")
            {
                throw row.Fail($"category '{code}' is not two digits 01-99");
            }

            if (!categoryCodes.Add(code))
            {
                throw row.Fail($"category {code} appears twice");
            }

            categories.Add(new VaccineCategory(code, row.Required("name_zh"), row.Required("source")));
        }

        var codes = new List<VaccineCodeEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in codeRows)
        {
            var code = row.Required("code");
            if (Formats.VaccineCode.Check(code) is { } reason)
            {
                throw row.Fail($"code '{code}': {reason}");
            }

            if (!seen.Add(code))
            {
                throw row.Fail($"code {code} appears twice");
            }

            var category = row.Required("category");
            if (!string.Equals(category, code[..2], StringComparison.Ordinal))
            {
                throw row.Fail($"category '{category}' is not the first two digits of {code}");
            }

            if (!categoryCodes.Contains(category))
            {
                throw row.Fail($"category {category} is not in {CategoriesFile}");
            }

            var nip = row.Required("nip") switch
            {
                "yes" => NipStatus.Yes,
                "no" => NipStatus.No,
                "historical" => NipStatus.Historical,
                var other => throw row.Fail($"nip is '{other}'; expected yes, no or historical"),
            };

            string? cvx = null;
            if (row.Optional("cvx") is { } rawCvx)
            {
                cvx = NormalizeCvx(rawCvx);
                if (cvx is null || !string.Equals(cvx, rawCvx, StringComparison.Ordinal))
                {
                    throw row.Fail($"cvx '{rawCvx}' is not a CVX code in canonical spelling (digits, at least two)");
                }
            }

            codes.Add(new VaccineCodeEntry(
                code, category, row.Required("name_zh"), row.Required("short_name"), nip, cvx, row.YesNo("live"), row.Optional("notes")));
        }

        return new VaccineCodeSystem(codes, categories);
    }
}
