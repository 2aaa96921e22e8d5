using Exchange.Adapters.Results;

namespace Exchange.Silo.Records;

/// <summary>The result of a write to a person record. When <see cref="Issues"/> is not empty nothing was changed.</summary>
/// <param name="Created">A new record was created by this write.</param>
/// <param name="Replayed">The message id had been processed before: this is the first result again, and nothing changed.</param>
[GenerateSerializer, Immutable, Alias("exchange.person-write-outcome.v1")]
public sealed record PersonWriteOutcome(string HubId, bool Created, DoseOutcome[] Doses, bool Replayed, Issue[] Issues)
{
    /// <summary>The hub id lost a registration race to another; the registration must resolve its identifiers again.</summary>
    public static readonly Issue SupersededHubId = new(IssueCode.Transient, "child", "the child's hub id changed during registration; retry");

    /// <summary>An identifier of a new record's registration already belonged to another record; nothing was stored.</summary>
    public static readonly Issue IdentifierTaken = new(IssueCode.Transient, "child.identifiers", "an identifier was registered for another child meanwhile; retry");

    /// <summary>
    /// The record's current residence region (GB/T 2260), for the exchange log's cross-region queries; empty when no
    /// record exists. Carried here so the edge need not fetch the whole record for it.
    /// </summary>
    [Id(5)]
    public string ResidenceRegion { get; init; } = string.Empty;

    public bool Succeeded => Issues.Length == 0;

    public bool IsSuperseded => Issues.Length == 1 && Issues[0] == SupersededHubId;

    public bool IsIdentifierTaken => Issues.Length == 1 && Issues[0] == IdentifierTaken;

    public static PersonWriteOutcome Failed(string hubId, params Issue[] issues) => new(hubId, false, [], false, issues);
}
