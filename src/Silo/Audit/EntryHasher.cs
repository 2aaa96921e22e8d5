using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Silo.Audit;

/// <summary>
/// The chain's hash: SHA-256 over the previous entry's hash followed by a canonical byte encoding of the entry.
/// The sequence number is not hashed: the order is fixed by each entry naming its predecessor's hash, so a moved
/// entry still hashes correctly and is recognised as moved rather than altered.
/// </summary>
public static class EntryHasher
{
    public const int HashLength = 32;

    /// <summary>The previous hash of a chain's first entry.</summary>
    public static readonly byte[] Genesis = new byte[HashLength];

    private const byte FormatVersion = 1;

    public static byte[] Hash(ReadOnlySpan<byte> previousHash, ExchangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream(256);
        buffer.Write(previousHash);
        buffer.WriteByte(FormatVersion);
        WriteInt64(buffer, Time.ToMicroseconds(entry.RecordedAt));
        WriteString(buffer, entry.Protocol);
        WriteString(buffer, entry.Operation);
        WriteString(buffer, entry.Kind.ToString());
        WriteString(buffer, entry.Caller.System);
        WriteString(buffer, entry.Caller.Unit);
        WriteString(buffer, entry.Caller.Region);
        WriteInt64(buffer, entry.Persons.Count);
        foreach (var person in entry.Persons)
        {
            WriteString(buffer, person.HubId);
            WriteString(buffer, person.Region);
        }

        WriteString(buffer, entry.ClientMessageId);
        WriteString(buffer, entry.Outcome.ToString());
        WriteString(buffer, entry.StatusCode);
        WriteInt64(buffer, entry.Counts.Items);
        WriteInt64(buffer, entry.Counts.Accepted);
        WriteInt64(buffer, entry.Counts.Rejected);
        WriteInt64(buffer, entry.LatencyMs);
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void WriteString(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt64(buffer, bytes.Length);
        buffer.Write(bytes);
    }

    private static void WriteInt64(MemoryStream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }
}

/// <summary>Times in the log: microseconds since the Unix epoch, UTC (what both databases store).</summary>
public static class Time
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    /// <summary>The time as the log stores it, so an entry compares equal to itself read back.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => FromMicroseconds(ToMicroseconds(time));
}
