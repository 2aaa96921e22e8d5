using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Hub.Callers;

namespace Exchange.Hub.Quarantine;

/// <summary>
/// Replays one kind of quarantined payload through the same pipeline as when it was first received, as the original
/// caller with its original client message id (so a replay of an accepted message changes nothing). Register one per
/// operation with <c>services.AddSingleton&lt;IQuarantineReplay, ...&gt;()</c>; a FHIR edge adds its own.
/// </summary>
internal interface IQuarantineReplay
{
    /// <summary>The operation name stored with the payload, e.g. <c>grpc:RegisterChild</c>.</summary>
    string Operation { get; }

    /// <param name="codes">The source's current code map, read fresh.</param>
    Task<ReplayOutcome> ReplayAsync(Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken);

    /// <summary>
    /// The replay the resubmitter calls: with the item's id at hand, for edges whose payloads carry no client message
    /// id of their own (FHIR), so the id can key the replay's writes. By default the payload alone.
    /// </summary>
    Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken) =>
        ReplayAsync(caller, payload, codes, cancellationToken);
}

/// <summary>The child the payload was recorded for, or why it still cannot be.</summary>
internal sealed record ReplayOutcome(string? HubId, IReadOnlyList<Issue> Issues)
{
    public bool Accepted => Issues.Count == 0 && HubId is not null;

    public static ReplayOutcome Refused(IReadOnlyList<Issue> issues) => new(null, issues);
}
