using System.Text.Json;
using Exchange.Hub.Quarantine;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// What a FHIR write keeps in quarantine when it cannot be normalized: the operation and the original JSON. Every
/// payload is a Bundle, so one replay serves them all: a transaction is its request body byte for byte; a create or
/// update (standalone, or one entry of a batch) is a one-entry batch Bundle around the resource (or the entry) as sent.
/// </summary>
/// <param name="Payload">Built only when the write is held.</param>
internal sealed record FhirHold(string Operation, Func<byte[]> Payload)
{
    /// <summary>The media type the payloads are stored with.</summary>
    public const string ContentType = "application/fhir+json";

    public static FhirHold Transaction(byte[] body) => new(QuarantineOperations.FhirTransaction, () => body);

    /// <summary>A standalone create or update: <paramref name="body"/> is the resource as the client sent it.</summary>
    public static FhirHold Single(string method, string resourceType, string? targetId, string? ifNoneExist, byte[] body) =>
        new(OperationOf(method), () => Envelope(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("resource");
            writer.WriteRawValue(body);
            writer.WriteStartObject("request");
            writer.WriteString("method", method);
            writer.WriteString("url", targetId is null ? resourceType : $"{resourceType}/{targetId}");
            if (ifNoneExist is not null)
            {
                writer.WriteString("ifNoneExist", ifNoneExist);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }));

    /// <summary>Entry <paramref name="index"/> of a batch Bundle, as it stands in the request body.</summary>
    public static FhirHold BatchEntry(byte[] body, int index, string method) =>
        new(OperationOf(method), () =>
        {
            using var document = JsonDocument.Parse(body);
            var entry = document.RootElement.GetProperty("entry")[index].GetRawText();
            return Envelope(writer => writer.WriteRawValue(entry));
        });

    private static string OperationOf(string method) => method == "PUT" ? QuarantineOperations.FhirUpdate : QuarantineOperations.FhirCreate;

    private static byte[] Envelope(Action<Utf8JsonWriter> writeEntry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "batch");
            writer.WriteStartArray("entry");
            writeEntry(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
