using System.Text.Json;
using Orleans.Storage;

namespace Exchange.Silo.Hosting;

/// <summary>
/// Stores grain state as plain JSON, so the database can index and query it (search, read models) and an operator
/// can read it. Orleans' default storage serializer writes Newtonsoft type metadata and cannot read back immutable
/// collections.
/// </summary>
internal sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, ExchangeJson.Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, ExchangeJson.Options)
        ?? throw new JsonException($"Stored state of type {typeof(T).Name} is the JSON literal null.");
}
