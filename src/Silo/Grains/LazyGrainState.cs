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
    private GrainState<T> _state = new(new T());
    private bool _loaded;

    public bool IsLoaded => _loaded;

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

    /// <summary>
    /// Stores <paramref name="initial"/> as a new row without reading first: one round trip when the key is new,
    /// which is the common case while records are loaded. False when a row already exists; the stored state is then
    /// loaded instead and nothing was overwritten.
    /// </summary>
    public async Task<bool> TryCreateAsync(T initial)
    {
        if (_loaded)
        {
            throw new InvalidOperationException("The state is already loaded; write it instead.");
        }

        _state = new GrainState<T>(initial);
        try
        {
            await storage.WriteStateAsync(stateName, grainId, _state);
            _loaded = true;
            return true;
        }
        catch (InconsistentStateException)
        {
            _state = new GrainState<T>(new T());
            await LoadAsync();
            return false;
        }
        catch
        {
            _state = new GrainState<T>(new T());
            throw;
        }
    }

    /// <summary>Forgets the loaded state, so the next load reads the stored row again.</summary>
    public void Unload()
    {
        _state = new GrainState<T>(new T());
        _loaded = false;
    }

    public Task WriteAsync() => storage.WriteStateAsync(stateName, grainId, _state);
}
