using Exchange.Adapters.Model;
using Exchange.Silo.Records;

namespace Exchange.Silo.Grains;

/// <summary>Persisted state of one person grain: the record and the recent write messages it has answered.</summary>
public sealed class PersonState
{
    public PersonRecord? Record { get; set; }

    /// <summary>Most recent processed messages, oldest first; bounded by <see cref="Rules.MessageLedger.Capacity"/>.</summary>
    public List<ProcessedMessage> Processed { get; set; } = [];
}

/// <summary>A write message already answered, with its answer, so a retry gets the same answer.</summary>
/// <param name="Key">Sending system and client message id.</param>
public sealed record ProcessedMessage(string Key, PersonWriteOutcome? Write, TransferKind? Transfer);
