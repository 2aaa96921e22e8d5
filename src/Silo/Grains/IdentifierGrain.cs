using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Exchange.Silo.Grains;

/// <summary>Persisted state of an identifier's index entry.</summary>
public sealed class IdentifierState
{
    public string? HubId { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }
}

[CollectionAgeLimit(Minutes = 2)]
internal sealed class IdentifierGrain : Grain, IIdentifierGrain
{
    private readonly LazyGrainState<IdentifierState> _state;
    private readonly TimeProvider _time;

    public IdentifierGrain([FromKeyedServices(StorageNames.Records)] IGrainStorage storage, TimeProvider time)
    {
        _state = new LazyGrainState<IdentifierState>(storage, StorageNames.IdentifierState, this.GetGrainId());
        _time = time;
    }

    public async Task<string?> GetHubIdAsync()
    {
        ForgetAbsence();
        await _state.LoadAsync();
        return _state.State.HubId;
    }

    public async Task<string> ClaimAsync(string hubId)
    {
        ForgetAbsence();
        // Most claims are for identifiers never seen before: insert first, and read only when the row exists.
        if (!_state.IsLoaded && await _state.TryCreateAsync(new IdentifierState { HubId = hubId, ClaimedAt = _time.GetUtcNow() }))
        {
            return hubId;
        }

        if (_state.State.HubId is { } owner)
        {
            return owner;
        }

        await SetOwnerAsync(hubId);
        return hubId;
    }

    public async Task<string?> ReassignAsync(string fromHubId, string toHubId)
    {
        await _state.LoadAsync();
        if (_state.State.HubId == fromHubId)
        {
            await SetOwnerAsync(toHubId);
        }

        return _state.State.HubId;
    }

    /// <summary>
    /// "No owner" is never kept: a new child's registration can enter this identifier in the index from the person
    /// write's own transaction (the person-state triggers), without this grain, so absence is read again each time.
    /// </summary>
    private void ForgetAbsence()
    {
        if (_state.IsLoaded && _state.State.HubId is null)
        {
            _state.Unload();
        }
    }

    private async Task SetOwnerAsync(string hubId)
    {
        var state = _state.State;
        var previous = (state.HubId, state.ClaimedAt);
        state.HubId = hubId;
        state.ClaimedAt = _time.GetUtcNow();
        try
        {
            await _state.WriteAsync();
        }
        catch
        {
            (state.HubId, state.ClaimedAt) = previous;
            DeactivateOnIdle();
            throw;
        }
    }
}
