using System.Data.Common;
using System.Text;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Audit;

/// <summary>Which entries an auditor asks for; every set criterion must hold. Empty strings and lists do not filter.</summary>
public sealed record ExchangeLogFilter
{
    /// <summary>Entries recorded at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries recorded before this time.</summary>
    public DateTimeOffset? To { get; init; }

    public string CallerSystem { get; init; } = string.Empty;

    public string CallerUnit { get; init; } = string.Empty;

    public string CallerRegion { get; init; } = string.Empty;

    /// <summary>Entries that touched this person.</summary>
    public string PersonHubId { get; init; } = string.Empty;

    /// <summary>Entries that touched a person residing in this region.</summary>
    public string PersonRegion { get; init; } = string.Empty;

    /// <summary>
    /// Only entries where a touched person (in <see cref="PersonRegion"/>, when set) resides outside the caller's
    /// region; entries whose caller region is unknown never count as cross-region.
    /// </summary>
    public bool CrossRegionOnly { get; init; }

    public IReadOnlyList<string> Operations { get; init; } = [];

    public IReadOnlyList<ExchangeKind> Kinds { get; init; } = [];

    public ExchangeOutcome? Outcome { get; init; }

    /// <summary>The WHERE clause (alias e for exchange_log) and its parameters.</summary>
    internal string ToSql(DbCommand command)
    {
        var where = new StringBuilder("1 = 1");
        if (From is { } from)
        {
            where.Append(" AND e.recorded_at_us >= @From");
            command.AddParameter("From", Time.ToMicroseconds(from));
        }

        if (To is { } to)
        {
            where.Append(" AND e.recorded_at_us < @To");
            command.AddParameter("To", Time.ToMicroseconds(to));
        }

        Equal(where, command, "e.caller_system", "CallerSystem", CallerSystem);
        Equal(where, command, "e.caller_unit", "CallerUnit", CallerUnit);
        Equal(where, command, "e.caller_region", "CallerRegion", CallerRegion);
        if (PersonHubId.Length > 0)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM exchange_log_person p WHERE p.chain_id = e.chain_id AND p.sequence = e.sequence AND p.hub_id = @PersonHubId)");
            command.AddParameter("PersonHubId", PersonHubId);
        }

        if (PersonRegion.Length > 0 || CrossRegionOnly)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM exchange_log_person q WHERE q.chain_id = e.chain_id AND q.sequence = e.sequence");
            if (PersonRegion.Length > 0)
            {
                where.Append(" AND q.region = @PersonRegion");
                command.AddParameter("PersonRegion", PersonRegion);
            }

            if (CrossRegionOnly)
            {
                where.Append(" AND e.caller_region <> '' AND q.region <> e.caller_region");
            }

            where.Append(')');
        }

        In(where, command, "e.operation", "Operation", Operations);
        In(where, command, "e.kind", "Kind", [.. Kinds.Select(kind => kind.ToString())]);
        if (Outcome is { } outcome)
        {
            where.Append(" AND e.outcome = @Outcome");
            command.AddParameter("Outcome", outcome.ToString());
        }

        return where.ToString();
    }

    private static void Equal(StringBuilder where, DbCommand command, string column, string name, string value)
    {
        if (value.Length > 0)
        {
            where.Append(" AND ").Append(column).Append(" = @").Append(name);
            command.AddParameter(name, value);
        }
    }

    private static void In(StringBuilder where, DbCommand command, string column, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        where.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            where.Append(i == 0 ? "@" : ", @").Append(name).Append(i);
            command.AddParameter($"{name}{i}", values[i]);
        }

        where.Append(')');
    }
}
