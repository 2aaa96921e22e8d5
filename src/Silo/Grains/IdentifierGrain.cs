namespace Exchange.Silo.Grains;

/// <summary>Persisted state of an identifier's index entry.</summary>
public sealed class IdentifierState
{
    public string? HubId { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }
}

[CollectionAgeLimit(Minutes = 2)]
internal sealed class IdentifierGrain(
    [PersistentState(StorageNames.IdentifierState, StorageNames.Records)] IPersistentState<IdentifierState> state,
    TimeProvider time) : Grain, IIdentifierGrain
{
    public Task<string?> GetHubIdAsync() => Task.FromResult(state.State.HubId);

    public async Task<string> ClaimAsync(string hubId)
    {
        if (state.State.HubId is { } owner)
        {
            return owner;
        }

        await SetOwnerAsync(hubId);
        return hubId;
    }

    public async Task<string?> ReassignAsync(string fromHubId, string toHubId)
    {
        if (state.State.HubId == fromHubId)
        {
            await SetOwnerAsync(toHubId);
        }

        return state.State.HubId;
    }

    private async Task SetOwnerAsync(string hubId)
    {
        var previous = (state.State.HubId, state.State.ClaimedAt);
        state.State.HubId = hubId;
        state.State.ClaimedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (state.State.HubId, state.State.ClaimedAt) = previous;
            DeactivateOnIdle();
            throw;
        }
    }
}
