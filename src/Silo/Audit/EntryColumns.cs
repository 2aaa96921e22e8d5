using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Exchange.Silo.Audit;

/// <summary>How an entry maps to the exchange_log columns, both ways.</summary>
internal static class EntryColumns
{
    public const string Select = """
        chain_id, sequence, recorded_at_us, protocol, operation, kind, caller_system, caller_unit, caller_region,
        persons, client_message_id, outcome, status_code, item_count, accepted_count, rejected_count, latency_ms,
        previous_hash, hash
        """;

    public const int Count = 19;

    public static object[] Values(LoggedEntry logged)
    {
        var entry = logged.Entry;
        return
        [
            logged.ChainId, logged.Sequence, Time.ToMicroseconds(entry.RecordedAt), entry.Protocol, entry.Operation,
            entry.Kind.ToString(), entry.Caller.System, entry.Caller.Unit, entry.Caller.Region, PersonsJson(entry.Persons),
            entry.ClientMessageId, entry.Outcome.ToString(), entry.StatusCode, entry.Counts.Items, entry.Counts.Accepted,
            entry.Counts.Rejected, entry.LatencyMs, logged.PreviousHash, logged.Hash,
        ];
    }

    /// <summary>Reads a row selected with <see cref="Select"/>. Unknown enum names read as a value that fails the hash check.</summary>
    public static LoggedEntry Read(DbDataReader reader)
    {
        var entry = new ExchangeEntry(
            Time.FromMicroseconds(reader.GetInt64(2)),
            reader.GetString(3),
            reader.GetString(4),
            Enum.TryParse<ExchangeKind>(reader.GetString(5), out var kind) ? kind : (ExchangeKind)(-1),
            new ExchangeCaller(reader.GetString(6), reader.GetString(7), reader.GetString(8)),
            ParsePersons(reader.GetString(9)),
            reader.GetString(10),
            Enum.TryParse<ExchangeOutcome>(reader.GetString(11), out var outcome) ? outcome : (ExchangeOutcome)(-1),
            reader.GetString(12),
            new ItemCounts(reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15)),
            reader.GetInt64(16));
        return new LoggedEntry(reader.GetString(0), reader.GetInt64(1), entry, (byte[])reader[17], (byte[])reader[18]);
    }

    /// <summary>
    /// [[hub id, region], ...], as JsonSerializer writes a list of string pairs, written directly: through the
    /// serializer it was 8% of the exchange-log writer thread's CPU.
    /// </summary>
    public static string PersonsJson(IReadOnlyList<TouchedPerson> persons)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var person in persons)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(person.HubId);
                writer.WriteStringValue(person.Region);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static TouchedPerson[] ParsePersons(string json)
    {
        try
        {
            var pairs = JsonSerializer.Deserialize<string[][]>(json) ?? [];
            return [.. pairs.Select(pair => new TouchedPerson(pair.ElementAtOrDefault(0) ?? string.Empty, pair.ElementAtOrDefault(1) ?? string.Empty))];
        }
        catch (JsonException)
        {
            // A hand-edited column: keep what is there visible as an unknown person, so the hash check fails.
            return [new TouchedPerson(json, "?")];
        }
    }
}
