namespace Exchange.Silo.Audit;

/// <summary>How an entry maps to exchange_log_person rows: one per distinct hub id it touched.</summary>
internal static class PersonColumns
{
    public const string Select = "chain_id, sequence, hub_id, region, recorded_at_us";

    public const int Count = 5;

    public static IEnumerable<object[]> Rows(LoggedEntry logged) =>
        logged.Entry.Persons.DistinctBy(person => person.HubId).Select(person => new object[]
        {
            logged.ChainId, logged.Sequence, person.HubId, person.Region, Time.ToMicroseconds(logged.Entry.RecordedAt),
        });
}
