using Orleans.Storage;

namespace Exchange.Silo.Grains;

/// <summary>
/// A grain's persisted state through the Orleans grain storage provider, read on first use rather than on
/// activation, so that a caller who knows the key is brand new (a freshly minted hub id) spares the database a read
/// that cannot find anything. Writes carry the storage ETag as usual: a wrong "new" claim fails the write instead of
/// overwriting a stored row.
/// </summary>
internal sealed class LazyGrainState<T>(IGrainStorage storage, string stateName, GrainId grainId)
    where T : new()
{
    private readonly GrainState<T> _state = new(new T());
    private bool _loaded;

    public T State => _loaded ? _state.State ??= new T() : throw new InvalidOperationException("Load the state before using it.");

    /// <param name="knownAbsent">The key was minted moments ago and cannot have a stored row.</param>
    public async Task LoadAsync(bool knownAbsent = false)
    {
        if (_loaded)
        {
            return;
        }

        if (!knownAbsent)
        {
            await storage.ReadStateAsync(stateName, grainId, _state);
        }

        _loaded = true;
    }

    public Task WriteAsync() => storage.WriteStateAsync(stateName, grainId, _state);
}
