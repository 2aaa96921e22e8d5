using System.Collections.Concurrent;
using Exchange.Adapters.CodeMaps;

namespace Exchange.Silo.CodeMaps;

/// <summary>
/// Per-node cache of each source's current code map, as a ready <see cref="SourceCodeTranslator"/>. Normalizing a
/// request asks this instead of the grain, so a busy source costs no grain call per request. A publish through this
/// node replaces the entry at once; other nodes see a new version when their entry expires (<see cref="Lifetime"/>).
/// Resubmission from quarantine reads fresh, so an operator's fix applies to it immediately on any node.
/// </summary>
public sealed class CodeMapCache(IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a node keeps using a map version it has read before asking the grain again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (SourceCodeTranslator Translator, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The translator of the source's current map (hub tables only when it has none).</summary>
    /// <param name="fresh">Skip the cache and read the grain (resubmission, tests).</param>
    public async Task<SourceCodeTranslator> TranslatorForAsync(string sourceSystem, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(sourceSystem);
        var now = time.GetUtcNow();
        if (!fresh && _entries.TryGetValue(sourceSystem, out var entry) && entry.Expires > now)
        {
            return entry.Translator;
        }

        var map = await grains.GetGrain<ICodeMapGrain>(sourceSystem).GetCurrentAsync();
        return Remember(sourceSystem, map, now);
    }

    /// <summary>Makes a version this node just published current here at once.</summary>
    public void Published(SourceCodeMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        Remember(map.SourceSystem, map, time.GetUtcNow());
    }

    private SourceCodeTranslator Remember(string sourceSystem, SourceCodeMap? map, DateTimeOffset now)
    {
        var translator = map is null ? SourceCodeTranslator.HubOnly : new SourceCodeTranslator(CanonicalCodeResolver.Default, map);
        _entries.AddOrUpdate(
            sourceSystem,
            _ => (translator, now + Lifetime),
            (_, existing) => existing.Translator.Map is { } known && map is not null && known.Version > map.Version ? existing : (translator, now + Lifetime));
        return _entries[sourceSystem].Translator;
    }
}
