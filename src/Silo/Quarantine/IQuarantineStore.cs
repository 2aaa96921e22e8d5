using Exchange.Adapters.Results;

namespace Exchange.Silo.Quarantine;

/// <summary>
/// Durable store of inputs that could not be normalized, in the hub's database. Writes are committed before they return.
/// </summary>
public interface IQuarantineStore
{
    /// <summary>Keeps the submission; the same source, operation and client message id is kept once (the first payload).</summary>
    Task<QuarantineReceipt> HoldAsync(QuarantineSubmission submission, CancellationToken cancellationToken);

    /// <summary>The item, or null.</summary>
    Task<QuarantinedItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The original payload of an item, or null.</summary>
    Task<byte[]?> GetPayloadAsync(string id, CancellationToken cancellationToken);

    Task<QuarantinePage> ListAsync(QuarantineQuery query, CancellationToken cancellationToken);

    /// <summary>Marks a held item accepted; false when it was no longer held (another resubmit won, or it was discarded).</summary>
    Task<bool> MarkAcceptedAsync(string id, QuarantineResolution resolution, CancellationToken cancellationToken);

    /// <summary>Records the reasons a held item failed again.</summary>
    Task MarkStillHeldAsync(string id, IReadOnlyList<Issue> issues, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks a held item discarded; false when it was not held.</summary>
    Task<bool> DiscardAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
