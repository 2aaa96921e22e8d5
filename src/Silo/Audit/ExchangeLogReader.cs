using System.Globalization;
using System.Runtime.CompilerServices;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Audit;

/// <summary>
/// The auditor's view of the exchange log: filtered pages newest first, counts per day, and a full export. The gRPC
/// auditor API and the FHIR AuditEvent search both read through this class.
/// </summary>
public sealed class ExchangeLogReader(ExchangeLogDatabase database)
{
    public const int MaxPageSize = 1000;

    /// <summary>Day boundaries are China Standard Time (UTC+8), the calendar auditors work in.</summary>
    private const long ChinaOffsetSeconds = 8 * 3600;

    /// <summary>One page of matching entries, newest first; pass <see cref="ExchangeLogPage.NextPageToken"/> back for the next.</summary>
    /// <exception cref="FormatException">The page token is not one this reader issued.</exception>
    public async Task<ExchangeLogPage> QueryAsync(ExchangeLogFilter filter, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = Math.Clamp(pageSize <= 0 ? 100 : pageSize, 1, MaxPageSize);
        var after = PageToken.Parse(pageToken);
        var entries = await ReadAsync(filter, after, newestFirst: true, size + 1, cancellationToken);
        var more = entries.Count > size;
        if (more)
        {
            entries.RemoveAt(size);
        }

        return new ExchangeLogPage(entries, more ? PageToken.Of(entries[^1]) : null);
    }

    /// <summary>Every matching entry, oldest first, read in pages so no transaction stays open.</summary>
    public async IAsyncEnumerable<LoggedEntry> ExportAsync(ExchangeLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        PageToken? after = null;
        while (true)
        {
            var page = await ReadAsync(filter, after, newestFirst: false, MaxPageSize, cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < MaxPageSize)
            {
                yield break;
            }

            after = PageToken.From(page[^1]);
        }
    }

    /// <summary>Matching entries counted per day (China time) and per value of <paramref name="dimension"/>, newest day first.</summary>
    public async Task<IReadOnlyList<DayCount>> CountPerDayAsync(ExchangeLogFilter filter, CountDimension dimension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var column = dimension switch
        {
            CountDimension.CallerRegion => "e.caller_region",
            CountDimension.CallerSystem => "e.caller_system",
            CountDimension.Operation => "e.operation",
            CountDimension.Kind => "e.kind",
            CountDimension.Outcome => "e.outcome",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = ExchangeLogDatabase.Command(connection, null, string.Empty);
        var where = filter.ToSql(command);
        command.CommandText = $"""
            SELECT (e.recorded_at_us / 1000000 + {ChinaOffsetSeconds}) / 86400 AS day, {column} AS value, count(*) AS entries
            FROM exchange_log e
            WHERE {where}
            GROUP BY (e.recorded_at_us / 1000000 + {ChinaOffsetSeconds}) / 86400, {column}
            ORDER BY day DESC, value
            """;
        var counts = new List<DayCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)reader.GetInt64(0));
            counts.Add(new DayCount(day, reader.GetString(1), reader.GetInt64(2)));
        }

        return counts;
    }

    private async Task<List<LoggedEntry>> ReadAsync(ExchangeLogFilter filter, PageToken? after, bool newestFirst, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = ExchangeLogDatabase.Command(connection, null, string.Empty);
        var where = filter.ToSql(command);
        if (after is { } token)
        {
            where += newestFirst
                ? " AND (e.recorded_at_us, e.chain_id, e.sequence) < (@AfterTime, @AfterChain, @AfterSequence)"
                : " AND (e.recorded_at_us, e.chain_id, e.sequence) > (@AfterTime, @AfterChain, @AfterSequence)";
            command.AddParameter("AfterTime", token.RecordedAtUs);
            command.AddParameter("AfterChain", token.ChainId);
            command.AddParameter("AfterSequence", token.Sequence);
        }

        var direction = newestFirst ? "DESC" : "ASC";
        command.CommandText = $"""
            SELECT {EntryColumns.Select.Replace("\n", " ", StringComparison.Ordinal)}
            FROM exchange_log e
            WHERE {where}
            ORDER BY e.recorded_at_us {direction}, e.chain_id {direction}, e.sequence {direction}
            LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        var entries = new List<LoggedEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(EntryColumns.Read(reader));
        }

        return entries;
    }

    /// <summary>Where a page ended: "&lt;recorded_at_us&gt;.&lt;sequence&gt;.&lt;chain id&gt;".</summary>
    private readonly record struct PageToken(long RecordedAtUs, long Sequence, string ChainId)
    {
        public static PageToken From(LoggedEntry entry) => new(Time.ToMicroseconds(entry.Entry.RecordedAt), entry.Sequence, entry.ChainId);

        public static string Of(LoggedEntry entry)
        {
            var token = From(entry);
            return string.Create(CultureInfo.InvariantCulture, $"{token.RecordedAtUs}.{token.Sequence}.{token.ChainId}");
        }

        public static PageToken? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var parts = text.Split('.', 3);
            if (parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return new PageToken(time, sequence, parts[2]);
            }

            throw new FormatException("page_token is not a token returned by QueryEntries");
        }
    }
}

/// <summary>A page of entries and the token for the next page (null on the last).</summary>
public sealed record ExchangeLogPage(IReadOnlyList<LoggedEntry> Entries, string? NextPageToken);

/// <summary>Entries on one day (China time) with one value of the counted dimension.</summary>
public sealed record DayCount(DateOnly Day, string Value, long Entries);

/// <summary>What <see cref="ExchangeLogReader.CountPerDayAsync"/> groups by besides the day.</summary>
public enum CountDimension
{
    CallerRegion = 1,
    CallerSystem = 2,
    Operation = 3,
    Kind = 4,
    Outcome = 5,
}
