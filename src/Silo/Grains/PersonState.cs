using Exchange.Adapters.Model;
using Exchange.Silo.Records;
using Exchange.Silo.Rules;
using Exchange.Silo.Schedule;

namespace Exchange.Silo.Grains;

/// <summary>Persisted state of one person grain: the record and the recent write messages it has answered.</summary>
public sealed class PersonState
{
    public PersonRecord? Record { get; set; }

    /// <summary>Most recent processed messages, oldest first; bounded by <see cref="Rules.MessageLedger.Capacity"/>.</summary>
    public List<ProcessedMessage> Processed { get; set; } = [];

    /// <summary>The record's schedule projection, recomputed at every write; database triggers feed the due-list and coverage tables from it.</summary>
    public StoredSchedule? Schedule { get; set; }

    /// <summary>
    /// Identifier index keys entered in the index by this state's first write, in the same transaction (a database
    /// trigger: 060-person-state-triggers.sql on PostgreSQL, 050-identifier-index.sql on SQLite); null on every later write.
    /// </summary>
    public string[]? IndexClaims { get; set; }
}

/// <summary>A write message already answered, with its answer, so a retry gets the same answer.</summary>
/// <param name="Key">Sending system and client message id.</param>
public sealed record ProcessedMessage(string Key, StoredWrite? Write, TransferKind? Transfer);

/// <summary>
/// The answer to a write, kept compact because it is stored with the record: one letter per dose
/// (R recorded, M merged, A already recorded) and the number of the event each dose went to.
/// </summary>
public sealed record StoredWrite(bool Created, string DoseKinds, int[] EventNumbers)
{
    private const string KindLetters = "RMA";

    public static StoredWrite From(PersonWriteOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var kinds = new string([.. outcome.Doses.Select(dose => KindLetters[(int)dose.Kind - 1])]);
        return new StoredWrite(outcome.Created, kinds, [.. outcome.Doses.Select(dose => DoseRules.EventNumber(dose.EventId))]);
    }

    public PersonWriteOutcome ToOutcome(string hubId, bool replayed)
    {
        var doses = new DoseOutcome[DoseKinds.Length];
        for (var i = 0; i < doses.Length; i++)
        {
            doses[i] = new DoseOutcome(i, (DoseOutcomeKind)(KindLetters.IndexOf(DoseKinds[i], StringComparison.Ordinal) + 1), DoseRules.EventId(hubId, EventNumbers[i]));
        }

        return new PersonWriteOutcome(hubId, Created, doses, replayed, []);
    }
}
