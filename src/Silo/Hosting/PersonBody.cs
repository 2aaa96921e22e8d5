using Exchange.Adapters.Model;
using Exchange.Silo.Grains;

namespace Exchange.Silo.Hosting;

/// <summary>
/// What a person's row keeps as text beside its <see cref="PersonIndexDocument"/> on PostgreSQL: the state without
/// the schedule projection and index claims, which the index document already holds and which the database, not the
/// grain, reads back (the projection is recomputed at the grain's next write after a read). Property names are
/// <see cref="PersonState"/>'s, so the text reads back as a <see cref="PersonState"/>.
/// </summary>
internal sealed record PersonBody(PersonRecord? Record, List<ProcessedMessage> Processed)
{
    public static PersonBody Of(PersonState state) => new(state.Record, state.Processed);
}
