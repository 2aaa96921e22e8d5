using System.Collections.Concurrent;

namespace Exchange.Silo.Registry;

/// <summary>
/// Identifier index keys of records this node has lately registered or read, with their hub ids, so that looking a
/// child up again does not query the index. Needs no invalidation: an identifier moves only away from a hub id that
/// has no record (<see cref="PersonDirectory"/> consolidating a registration race), and only hub ids seen with a
/// record enter here. Bounded: two generations of at most <paramref name="generationSize"/> keys each; a key read
/// from the older generation is carried into the newer one.
/// </summary>
public sealed class RecentOwners(int generationSize)
{
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string> _previous = new(StringComparer.Ordinal);
    private int _currentCount;

    public string? Find(string indexKey)
    {
        if (_current.TryGetValue(indexKey, out var hubId))
        {
            return hubId;
        }

        if (_previous.TryGetValue(indexKey, out hubId))
        {
            Remember(indexKey, hubId);
            return hubId;
        }

        return null;
    }

    public void Remember(string indexKey, string hubId)
    {
        var current = _current;
        if (current.TryGetValue(indexKey, out var known) && known == hubId)
        {
            return;
        }

        // Counted here: ConcurrentDictionary.Count takes every lock of the map (8% of a GetRecord call's CPU).
        if (Volatile.Read(ref _currentCount) >= generationSize)
        {
            current = Rotate(current);
        }

        if (current.TryAdd(indexKey, hubId))
        {
            Interlocked.Increment(ref _currentCount);
        }
        else
        {
            current[indexKey] = hubId;
        }
    }

    private ConcurrentDictionary<string, string> Rotate(ConcurrentDictionary<string, string> full)
    {
        lock (_rotation)
        {
            if (_current == full)
            {
                _previous = full;
                _current = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
                _currentCount = 0;
            }

            return _current;
        }
    }
}
