using Exchange.Adapters.Model;
using Exchange.Silo.Grains;
using Exchange.Silo.Schedule;

namespace Exchange.Silo.Hosting;

/// <summary>
/// The part of a person's stored state that PostgreSQL reads: search indexes (demographics), the read-model triggers
/// (schedule) and the identifier index trigger (claims), at the same JSON paths as in the whole state. It is all the
/// database parses into jsonb at a write; the rest of the state is kept beside it as text (grain_state.body,
/// <see cref="PersonBody"/>).
/// </summary>
internal sealed record PersonIndexDocument(PersonIndexDocument.IndexedRecord Record, StoredSchedule? Schedule, string[]? IndexClaims)
{
    public static PersonIndexDocument? Of(PersonState state) =>
        state.Record is { } record ? new(new IndexedRecord(record.HubId, record.Demographics), state.Schedule, state.IndexClaims) : null;

    internal sealed record IndexedRecord(string HubId, Demographics Demographics);
}
