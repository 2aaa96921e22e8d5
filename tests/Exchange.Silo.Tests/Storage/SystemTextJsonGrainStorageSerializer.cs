using System.Text.Json;
using Orleans.Storage;

namespace Exchange.Silo.Tests.Storage;

/// <summary>Grain state as UTF-8 JSON, the payload shape the SQL scripts store as jsonb (PostgreSQL) or TEXT (SQLite).</summary>
internal sealed class SystemTextJsonGrainStorageSerializer : IGrainStorageSerializer
{
    // jsonb reorders object keys; out-of-order metadata keeps polymorphic "$type" readable after a round trip.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new JsonException($"Stored {typeof(T).Name} is the JSON literal null.");
}
