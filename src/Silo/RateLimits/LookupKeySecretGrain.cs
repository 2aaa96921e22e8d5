using System.Security.Cryptography;
using Exchange.Silo.Grains;

namespace Exchange.Silo.RateLimits;

internal sealed class LookupKeySecretGrain(
    [PersistentState(StorageNames.LookupKeySecretState, StorageNames.Records)] IPersistentState<LookupKeySecretState> state)
    : Grain, ILookupKeySecretGrain
{
    public async Task<byte[]> GetAsync()
    {
        if (state.State.Secret is not { Length: > 0 })
        {
            state.State.Secret = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        return state.State.Secret;
    }
}

/// <summary>Stored state of <see cref="ILookupKeySecretGrain"/>.</summary>
public sealed class LookupKeySecretState
{
    public byte[]? Secret { get; set; }
}
