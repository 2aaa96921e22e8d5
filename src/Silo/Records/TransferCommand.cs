namespace Exchange.Silo.Records;

/// <summary>The kind of movement of a person between units.</summary>
public enum TransferKind
{
    MoveIn = 1,
    MoveOut = 2,
    TemporarilyAway = 3,
    Return = 4,
}

/// <summary>Move a person in, out or temporarily away. For <see cref="TransferKind.MoveIn"/> the new unit and region are required.</summary>
[GenerateSerializer, Immutable, Alias("exchange.transfer.v1")]
public sealed record TransferCommand(
    string SourceSystem,
    string ClientMessageId,
    TransferKind Kind,
    DateOnly EffectiveDate,
    string? ToUnit,
    string? ToRegion,
    string? Remark,
    DateTimeOffset ReceivedAt);
