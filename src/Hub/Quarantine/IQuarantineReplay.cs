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

    /// <param name="quarantineId">The held item's id: it keys the replay's writes where the payload carries no client
    /// message id of its own (FHIR); gRPC payloads carry theirs.</param>
    /// <param name="codes">The source's current code map, read fresh.</param>
    Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken);
}

/// <summary>The child the payload was recorded for, or why it still cannot be.</summary>
internal sealed record ReplayOutcome(string? HubId, IReadOnlyList<Issue> Issues)
{
    public bool Accepted => Issues.Count == 0 && HubId is not null;

    public static ReplayOutcome Refused(IReadOnlyList<Issue> issues) => new(null, issues);
}
