using Exchange.Adapters.Results;
using Exchange.Hub.Callers;
using Exchange.Silo.Access;
using Exchange.Silo.CodeMaps;
using Exchange.Silo.Quarantine;

namespace Exchange.Hub.Quarantine;

/// <summary>
/// Resubmits quarantined inputs: replays the original payload as its original sender, with the source's current code
/// map read fresh and the original client message id, so a second resubmit (or a race of two) records nothing twice.
/// </summary>
internal sealed class QuarantineResubmitter(
    IQuarantineStore store,
    CodeMapCache maps,
    IEnumerable<IQuarantineReplay> replays,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<QuarantineResubmitter> logger)
{
    private readonly Dictionary<string, IQuarantineReplay> _replays = replays.ToDictionary(replay => replay.Operation, StringComparer.Ordinal);

    /// <summary>The item after the resubmission; null when there is no such item.</summary>
    public async Task<ResubmitOutcome?> ResubmitAsync(string id, Caller resubmittedBy, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        if (item.Status != QuarantineStatus.Held)
        {
            return new ResubmitOutcome(item, Replayed: false, []);
        }

        if (!_replays.TryGetValue(item.Operation, out var replay))
        {
            return new ResubmitOutcome(item, Replayed: false, [Issue.Invalid("operation", $"this hub cannot replay {item.Operation} payloads")]);
        }

        var sender = await OriginalSenderAsync(item.SourceSystem);
        if (sender is null)
        {
            return new ResubmitOutcome(item, Replayed: false, [Issue.Invalid("source_system", $"the sending system {item.SourceSystem} is no longer registered or is disabled")]);
        }

        var payload = await store.GetPayloadAsync(id, cancellationToken) ?? [];
        var codes = await maps.TranslatorForAsync(item.SourceSystem, fresh: true);
        var outcome = await replay.ReplayAsync(id, sender, payload, codes, cancellationToken);
        var now = time.GetUtcNow();
        if (outcome.Accepted)
        {
            await store.MarkAcceptedAsync(id, new QuarantineResolution(outcome.HubId!, now, codes.MapVersion, resubmittedBy.SystemId), cancellationToken);
        }
        else
        {
            await store.MarkStillHeldAsync(id, outcome.Issues, now, cancellationToken);
        }

        QuarantineLog.Resubmitted(logger, id, outcome.Accepted, outcome.HubId, codes.MapVersion);
        return new ResubmitOutcome(await store.GetAsync(id, cancellationToken) ?? item, Replayed: true, []);
    }

    /// <summary>The sender as it is registered now, so its writes are stamped with its own unit again.</summary>
    private async Task<Caller?> OriginalSenderAsync(string systemId)
    {
        var systems = await grains.GetGrain<IAccessRegistryGrain>(IAccessRegistryGrain.Key).ListSystemsAsync();
        var system = systems.FirstOrDefault(candidate => candidate.SystemId == systemId && candidate.Enabled);
        return system is null ? null : Caller.Of(system);
    }
}

/// <summary>An item after a resubmission.</summary>
/// <param name="Replayed">This call replayed the payload (false: it had been accepted or discarded before).</param>
/// <param name="Issues">Why it could not be replayed at all (no replay for its operation); empty otherwise.</param>
internal sealed record ResubmitOutcome(QuarantinedItem Item, bool Replayed, IReadOnlyList<Issue> Issues);
