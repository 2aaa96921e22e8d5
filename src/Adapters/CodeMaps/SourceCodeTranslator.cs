using Exchange.Adapters.Normalization;

namespace Exchange.Adapters.CodeMaps;

/// <summary>
/// The <see cref="ICodeTranslator"/> of one source: its code map version (if it has one) first, then the hub's tables.
/// Immutable; build one per map version and share it.
/// </summary>
public sealed class SourceCodeTranslator : ICodeTranslator
{
    private readonly CanonicalCodeResolver _hub;
    private readonly SourceCodeMap? _map;
    private readonly Dictionary<(CodeMapSystem, string), string> _entries;

    /// <param name="map">The source's current map version, or null when the source has none.</param>
    public SourceCodeTranslator(CanonicalCodeResolver hub, SourceCodeMap? map)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _hub = hub;
        _map = map;
        _entries = map?.Entries.ToDictionary(e => (e.System, e.LocalCode), e => e.CanonicalCode) ?? [];
    }

    /// <summary>Translates with the hub's tables only: for sources without a map.</summary>
    public static SourceCodeTranslator HubOnly { get; } = new(CanonicalCodeResolver.Default, null);

    public string? MapVersion => _map?.Label;

    /// <summary>The map version used, or null.</summary>
    public SourceCodeMap? Map => _map;

    public CodeTranslation Translate(CodeMapSystem system, string reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var key = LocalKey(reported);
        if (key.Length == 0)
        {
            return CodeTranslation.Invalid("the code is empty");
        }

        if (_entries.TryGetValue((system, key), out var mapped))
        {
            return CodeTranslation.Found(mapped, fromMap: true);
        }

        var hub = _hub.Resolve(system, TextCleaner.Clean(reported)!);
        if (hub.Succeeded)
        {
            return hub;
        }

        var where = _map is null ? "the source has no code map" : $"code map {_map.Label} has no {system.ToString().ToLowerInvariant()} entry for it";
        return hub with { Error = $"{hub.Error}, and {where}" };
    }

    /// <summary>How local codes are compared: half-width, no spaces, upper-case.</summary>
    public static string LocalKey(string code) => TextCleaner.CleanCode(code) ?? string.Empty;
}
