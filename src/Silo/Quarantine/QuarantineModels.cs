using Exchange.Adapters.Results;

namespace Exchange.Silo.Quarantine;

/// <summary>An input to quarantine: who sent what to which operation, and why it was refused.</summary>
/// <param name="Operation">e.g. <c>grpc:RegisterChild</c>; selects the replay on resubmission.</param>
/// <param name="Payload">The original request bytes (protobuf binary, or FHIR JSON text as UTF-8).</param>
/// <param name="ContentType">e.g. <c>application/x-protobuf; messageType=exchange.v1.RegisterChildRequest</c>.</param>
public sealed record QuarantineSubmission(
    string SourceSystem,
    string Operation,
    string ClientMessageId,
    IReadOnlyList<Issue> Issues,
    byte[] Payload,
    string ContentType,
    DateTimeOffset ReceivedAt);

/// <summary>What became of an accepted resubmission.</summary>
/// <param name="CodeMapVersion">The code-map version that translated it; null when the source had none.</param>
public sealed record QuarantineResolution(string HubId, DateTimeOffset ResolvedAt, string? CodeMapVersion, string ResolvedBy);

/// <summary>A quarantined input without its payload.</summary>
public sealed record QuarantinedItem(
    string Id,
    string SourceSystem,
    string Operation,
    string ClientMessageId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Issue> Issues,
    QuarantineStatus Status,
    int ReceiveCount,
    string ContentType,
    QuarantineResolution? Resolution,
    string? DiscardReason);

/// <summary>A filter and page of the quarantine list; null filters match everything.</summary>
/// <param name="Before">Sequence number from the previous page's continuation; null for the first page.</param>
public sealed record QuarantineQuery(string? SourceSystem, string? ReasonCode, QuarantineStatus? Status, int Limit, long? Before);

/// <summary>One page of the list, newest first.</summary>
/// <param name="Next">Pass as <see cref="QuarantineQuery.Before"/> for the next page; null on the last page.</param>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedItem> Items, long? Next);

/// <summary>The held copy of a submission.</summary>
/// <param name="AlreadyHeld">The same message had been quarantined before: this is that item.</param>
public sealed record QuarantineReceipt(string Id, bool AlreadyHeld, QuarantineStatus Status);
