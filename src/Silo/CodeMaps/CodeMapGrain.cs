using Exchange.Adapters.CodeMaps;
using Exchange.Silo.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Exchange.Silo.CodeMaps;

internal sealed class CodeMapGrain : Grain, ICodeMapGrain
{
    private readonly LazyGrainState<CodeMapState> _state;

    public CodeMapGrain([FromKeyedServices(StorageNames.Records)] IGrainStorage storage)
    {
        _state = new LazyGrainState<CodeMapState>(storage, StorageNames.CodeMapState, this.GetGrainId());
    }

    private string SourceSystem => this.GetPrimaryKeyString();

    private List<SourceCodeMap> Versions => _state.State.Versions;

    public async Task<PublishCodeMapOutcome> PublishAsync(PublishCodeMapCommand command)
    {
        await _state.LoadAsync();
        var outcome = CodeMapRules.Publish(_state.State, SourceSystem, command, CanonicalCodeResolver.Default);
        if (outcome.Published is not { } published)
        {
            return outcome;
        }

        Versions.Add(published);
        try
        {
            await _state.WriteAsync();
        }
        catch
        {
            // The stored state (and its ETag) is unknown now: read it again on the next call.
            Versions.RemoveAt(Versions.Count - 1);
            DeactivateOnIdle();
            throw;
        }

        return outcome;
    }

    public async Task<SourceCodeMap?> GetCurrentAsync()
    {
        await _state.LoadAsync();
        return Versions.Count == 0 ? null : Versions[^1];
    }

    public async Task<SourceCodeMap?> GetVersionAsync(int version)
    {
        await _state.LoadAsync();
        return version >= 1 && version <= Versions.Count ? Versions[version - 1] : null;
    }

    public async Task<CodeMapVersionSummary[]> ListVersionsAsync()
    {
        await _state.LoadAsync();
        return [.. Versions.Select((map, i) => CodeMapRules.Summarize(map, i == Versions.Count - 1)).Reverse()];
    }
}
