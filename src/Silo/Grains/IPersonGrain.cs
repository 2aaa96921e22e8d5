using Exchange.Adapters.Model;
using Exchange.Silo.Records;

namespace Exchange.Silo.Grains;

/// <summary>One person's record (key: hub id). The only writer of that record; every write is durable before it returns.</summary>
[Alias("exchange.person-grain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Creates the record, or merges the registration into the existing one, and records the doses sent with it.</summary>
    /// <param name="hubIdIsNew">The hub id was minted for this registration moments ago, so nothing is stored under it yet.</param>
    [Alias("register")]
    Task<PersonWriteOutcome> RegisterAsync(RegisterPersonCommand command, bool hubIdIsNew);

    /// <summary>
    /// Creates the record under a hub id minted for it moments ago and, in the same durable write, enters the
    /// registration's identifiers in the identifier index. Fails with <see cref="PersonWriteOutcome.IdentifierTaken"/>,
    /// storing nothing, when one of them already belongs to another record.
    /// </summary>
    [Alias("create-claiming-identifiers")]
    Task<PersonWriteOutcome> CreateClaimingIdentifiersAsync(RegisterPersonCommand command);

    /// <summary>Records doses; the same dose reported by several systems is stored once with every source kept.</summary>
    [Alias("record-doses")]
    Task<PersonWriteOutcome> RecordDosesAsync(RecordDosesCommand command);

    /// <summary>Moves the person in, out or temporarily away, appending to the status history.</summary>
    [Alias("transfer")]
    Task<TransferOutcome> TransferAsync(TransferCommand command);

    /// <summary>Marks one vaccination event entered-in-error; the event is kept, flagged, and no longer counts as a dose.</summary>
    [Alias("mark-entered-in-error")]
    Task<EventStatusOutcome> MarkEnteredInErrorAsync(MarkEnteredInErrorCommand command);

    /// <summary>
    /// Retires an unused hub id that lost a registration race, so a registration that still names it is told to
    /// look again instead of creating a second record. False when a record already exists under this hub id.
    /// </summary>
    [Alias("retire-if-empty")]
    Task<bool> RetireIfEmptyAsync();

    /// <summary>The record, or null when no person has this hub id.</summary>
    [Alias("get")]
    Task<PersonRecord?> GetAsync();
}
