using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Records;
using Exchange.Silo.Registry;
using Exchange.Silo.Rules;
using Exchange.Silo.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Exchange.Silo.Grains;

[CollectionAgeLimit(Minutes = 5)]
internal sealed class PersonGrain : Grain, IPersonGrain
{
    private readonly LazyGrainState<PersonState> _state;

    // Held only for the activation's lifetime: a stale registration reaches a retired hub id within moments.
    private bool _retired;

    public PersonGrain([FromKeyedServices(StorageNames.Records)] IGrainStorage storage)
    {
        _state = new LazyGrainState<PersonState>(storage, StorageNames.PersonState, this.GetGrainId());
    }

    private string HubId => this.GetPrimaryKeyString();

    private PersonState State => _state.State;

    public async Task<PersonRecord?> GetAsync()
    {
        await _state.LoadAsync();
        return State.Record;
    }

    public async Task<bool> RetireIfEmptyAsync()
    {
        await _state.LoadAsync();
        _retired |= State.Record is null;
        return _retired;
    }

    public async Task<PersonWriteOutcome> RegisterAsync(RegisterPersonCommand command, bool hubIdIsNew) =>
        ReleasedIfAsked(command, WithRegion(await RegisterCoreAsync(command, hubIdIsNew)));

    public async Task<PersonWriteOutcome> CreateClaimingIdentifiersAsync(RegisterPersonCommand command)
    {
        if (_state.IsLoaded)
        {
            return PersonWriteOutcome.Failed(HubId, PersonWriteOutcome.SupersededHubId);
        }

        try
        {
            var indexKeys = IndexKeys.Of(command.Registration);
            return ReleasedIfAsked(command, WithRegion(await RegisterCoreAsync(command, hubIdIsNew: true, indexKeys)));
        }
        catch (Exception exception) when (IdentifierIndexConflict.IsCause(exception))
        {
            return PersonWriteOutcome.Failed(HubId, PersonWriteOutcome.IdentifierTaken);
        }
    }

    public async Task<PersonWriteOutcome> RecordDosesAsync(RecordDosesCommand command) => WithRegion(await RecordDosesCoreAsync(command));

    /// <remarks>
    /// A historic load registers hundreds of thousands of children an hour, nearly none of them read again within the
    /// five idle minutes an activation is kept: kept, each record (about 35 KB) outlived the young GC generations and
    /// was promoted through them before it died. Released, the next call reads it from the database again. A failed
    /// registration keeps its activation: a retired hub id must stay retired (<see cref="_retired"/>).
    /// </remarks>
    private PersonWriteOutcome ReleasedIfAsked(RegisterPersonCommand command, PersonWriteOutcome outcome)
    {
        if (command.ReleaseAfterWrite && outcome.Succeeded)
        {
            DeactivateOnIdle();
        }

        return outcome;
    }

    private PersonWriteOutcome WithRegion(PersonWriteOutcome outcome) =>
        State.Record is { } record ? outcome with { ResidenceRegion = record.Demographics.ResidenceRegion } : outcome;

    private async Task<PersonWriteOutcome> RegisterCoreAsync(RegisterPersonCommand command, bool hubIdIsNew, string[]? indexKeys = null)
    {
        await _state.LoadAsync(knownAbsent: hubIdIsNew);
        var key = MessageLedger.KeyOf(command.SourceSystem, command.ClientMessageId);
        if (MessageLedger.Find(State, key) is { Write: { } earlier })
        {
            return earlier.ToOutcome(HubId, replayed: true);
        }

        var known = State.Record;
        if (known is null && _retired)
        {
            return PersonWriteOutcome.Failed(HubId, PersonWriteOutcome.SupersededHubId);
        }

        var record = known is null
            ? RegistrationRules.Create(HubId, command.Registration, command.ReceivedAt)
            : RegistrationRules.Merge(known, command.Registration);
        var issues = DoseRules.Check(record.Demographics, command.Doses, "vaccinations");
        if (issues.Length > 0)
        {
            return PersonWriteOutcome.Failed(HubId, issues);
        }

        var (events, doses) = DoseRules.Apply(HubId, record.Vaccinations, command.Doses, command.SourceSystem, command.ReceivedAt, command.SourceUnit);
        var outcome = new PersonWriteOutcome(HubId, known is null, doses, false, []);
        var changed = known is null || RegistrationRules.Changes(known, record) || DoseRules.ChangesRecord(doses);
        if (changed)
        {
            await SaveAsync(record with { Vaccinations = events, UpdatedAt = command.ReceivedAt }, new ProcessedMessage(key, StoredWrite.From(outcome), null), indexKeys);
        }

        return outcome;
    }

    private async Task<PersonWriteOutcome> RecordDosesCoreAsync(RecordDosesCommand command)
    {
        await _state.LoadAsync();
        var key = MessageLedger.KeyOf(command.SourceSystem, command.ClientMessageId);
        if (MessageLedger.Find(State, key) is { Write: { } earlier })
        {
            return earlier.ToOutcome(HubId, replayed: true);
        }

        if (State.Record is not { } record)
        {
            return PersonWriteOutcome.Failed(HubId, new Issue(IssueCode.NotFound, "child", "no child has this hub id"));
        }

        var issues = DoseRules.Check(record.Demographics, command.Doses, "vaccinations");
        if (issues.Length > 0)
        {
            return PersonWriteOutcome.Failed(HubId, issues);
        }

        var (events, doses) = DoseRules.Apply(HubId, record.Vaccinations, command.Doses, command.SourceSystem, command.ReceivedAt, command.SourceUnit);
        var outcome = new PersonWriteOutcome(HubId, false, doses, false, []);
        if (DoseRules.ChangesRecord(doses))
        {
            await SaveAsync(record with { Vaccinations = events, UpdatedAt = command.ReceivedAt }, new ProcessedMessage(key, StoredWrite.From(outcome), null));
        }

        return outcome;
    }

    public async Task<TransferOutcome> TransferAsync(TransferCommand command)
    {
        await _state.LoadAsync();
        var key = MessageLedger.KeyOf(command.SourceSystem, command.ClientMessageId);
        if (MessageLedger.Find(State, key) is { Transfer: not null })
        {
            return new TransferOutcome(State.Record, true, []);
        }

        if (State.Record is not { } record)
        {
            return new TransferOutcome(null, false, [new Issue(IssueCode.NotFound, "child", "no child has this hub id")]);
        }

        var (updated, issues) = TransferRules.Apply(record, command);
        if (updated is null)
        {
            return new TransferOutcome(null, false, issues);
        }

        await SaveAsync(updated, new ProcessedMessage(key, null, command.Kind));
        return new TransferOutcome(updated, false, []);
    }

    public async Task<EventStatusOutcome> MarkEnteredInErrorAsync(MarkEnteredInErrorCommand command)
    {
        await _state.LoadAsync();
        var key = MessageLedger.KeyOf(command.SourceSystem, command.ClientMessageId);
        if (MessageLedger.Find(State, key) is { Write: null, Transfer: null })
        {
            return new EventStatusOutcome(State.Record, false, true, []);
        }

        if (State.Record is not { } record)
        {
            return new EventStatusOutcome(null, false, false, [new Issue(IssueCode.NotFound, "child", "no child has this hub id")]);
        }

        var (updated, changed, issues) = EnteredInErrorRules.Apply(record, command);
        if (changed)
        {
            await SaveAsync(updated!, new ProcessedMessage(key, null, null));
        }

        return new EventStatusOutcome(updated, changed, false, issues);
    }

    /// <summary>Stores the new record; if storage fails the grain reloads its last stored state before the next call.</summary>
    /// <param name="indexKeys">Identifier index keys to enter in the index with this write (the record's first).</param>
    private async Task SaveAsync(PersonRecord record, ProcessedMessage message, string[]? indexKeys = null)
    {
        var previous = State.Record;
        var previousSchedule = State.Schedule;
        State.Record = record;
        State.Schedule = StoredSchedule.For(record, previous, previousSchedule);
        State.IndexClaims = indexKeys;
        MessageLedger.Remember(State, message);
        try
        {
            await _state.WriteAsync();
        }
        catch
        {
            State.Record = previous;
            State.Schedule = previousSchedule;
            State.Processed.Remove(message);
            State.IndexClaims = null;
            DeactivateOnIdle();
            throw;
        }
    }
}
