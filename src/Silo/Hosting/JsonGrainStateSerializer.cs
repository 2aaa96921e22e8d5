using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Exchange.Silo.Grains;
using Exchange.Silo.Storage;
using Orleans.Storage;

namespace Exchange.Silo.Hosting;

/// <summary>
/// Stores grain state as plain JSON, so the database can index and query it (search, read models) and an operator
/// can read it. Orleans' default storage serializer writes Newtonsoft type metadata and cannot read back immutable
/// collections.
/// </summary>
/// <param name="separateIndexDocument">
/// Write a person's state as its <see cref="PersonIndexDocument"/>, <see cref="IndexDocumentSeparator"/>, then the
/// rest of the state (<see cref="PersonBody"/>): PostgreSQL parses only the first part into jsonb and keeps the second
/// as text (010-grain-state.sql). Parsing the whole 10 KB state was a fifth of the database's CPU during ingest, and
/// writing the 2.6 KB schedule projection into both parts doubled its cost. Reads return the second part alone.
/// </param>
internal sealed class JsonGrainStateSerializer(bool separateIndexDocument = false) : IGrainStorageSerializer
{
    /// <summary>ASCII record separator: compact JSON never contains it unescaped.</summary>
    public const byte IndexDocumentSeparator = 0x1E;

    // A record far larger than usual (hundreds of doses) should not leave its buffer behind on every thread.
    private const int MaxKeptBufferBytes = 256 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ExchangeJson.Options.Encoder };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    public static JsonGrainStateSerializer For(DatabaseKind kind) => new(separateIndexDocument: kind == DatabaseKind.PostgreSql);

    public BinaryData Serialize<T>(T? input)
    {
        if (!separateIndexDocument || input is not PersonState state || PersonIndexDocument.Of(state) is not { } index)
        {
            return new(JsonSerializer.SerializeToUtf8Bytes(input, ExchangeJson.Options));
        }

        // One buffer per thread, reused: serializing is synchronous and the bytes are copied out before returning,
        // so a person's write allocates the exact size once instead of a fresh 16 KB buffer.
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        Write(buffer, index, StoredStateJsonContext.Default.PersonIndexDocument);
        buffer.Write([IndexDocumentSeparator]);
        Write(buffer, PersonBody.Of(state), StoredStateJsonContext.Default.PersonBody);
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBufferBytes)
        {
            _threadBuffer = null;
        }

        return new BinaryData(bytes);
    }

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, ExchangeJson.Options)
        ?? throw new JsonException($"Stored state of type {typeof(T).Name} is the JSON literal null.");

    private static void Write<TValue>(ArrayBufferWriter<byte> buffer, TValue value, JsonTypeInfo<TValue> typeInfo)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}
