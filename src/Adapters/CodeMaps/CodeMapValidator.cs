using Exchange.Adapters.Normalization;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.CodeMaps;

/// <summary>
/// Checks the entries of a code-map version before it is published: every canonical code must be a hub code of its
/// system, and every local code must appear once per system. Issues name the entry (<c>entries[3].canonical_code</c>).
/// </summary>
public static class CodeMapValidator
{
    /// <summary>Most entries one version may hold.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>Longest local code.</summary>
    public const int MaxLocalCodeLength = 64;

    /// <summary>The cleaned entries (local codes compared as <see cref="SourceCodeTranslator.LocalKey"/>), or the problems.</summary>
    public static Result<IReadOnlyList<CodeMapEntry>> Validate(IReadOnlyList<CodeMapEntry> entries, CanonicalCodeResolver hub)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(hub);
        var issues = new IssueCollector();
        if (entries.Count > MaxEntries)
        {
            issues.Invalid("entries", $"at most {MaxEntries} entries per version, got {entries.Count}");
            return Result<IReadOnlyList<CodeMapEntry>>.Failure(issues.Issues);
        }

        var cleaned = new List<CodeMapEntry>(entries.Count);
        var seen = new Dictionary<(CodeMapSystem, string), int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (Clean(entries[i], $"entries[{i}]", hub, issues) is not { } entry)
            {
                continue;
            }

            if (seen.TryGetValue((entry.System, entry.LocalCode), out var first))
            {
                issues.Invalid($"entries[{i}].local_code", $"{entry.System} local code '{entry.LocalCode}' is already mapped by entries[{first}]");
                continue;
            }

            seen.Add((entry.System, entry.LocalCode), i);
            cleaned.Add(entry);
        }

        return issues.ToResult<IReadOnlyList<CodeMapEntry>>(() => cleaned);
    }

    private static CodeMapEntry? Clean(CodeMapEntry entry, string field, CanonicalCodeResolver hub, IssueCollector issues)
    {
        if (!Enum.IsDefined(entry.System))
        {
            issues.Invalid($"{field}.system", "code system is required: vaccine, sex, region, route, site or kind", ReasonCodes.Required);
            return null;
        }

        var local = SourceCodeTranslator.LocalKey(entry.LocalCode ?? string.Empty);
        if (local.Length == 0)
        {
            issues.Invalid($"{field}.local_code", "local code is required", ReasonCodes.Required);
            return null;
        }

        if (local.Length > MaxLocalCodeLength)
        {
            issues.Invalid($"{field}.local_code", $"at most {MaxLocalCodeLength} characters, got {local.Length}");
            return null;
        }

        var canonical = TextCleaner.CleanCode(entry.CanonicalCode);
        if (canonical is null || !hub.IsHubCode(entry.System, canonical))
        {
            issues.Invalid(
                $"{field}.canonical_code",
                $"'{entry.CanonicalCode}' is not a hub {entry.System.ToString().ToLowerInvariant()} code (code systems {hub.Codes.Version})",
                ReasonCodes.UnknownCode);
            return null;
        }

        return new CodeMapEntry(entry.System, local, canonical);
    }
}
