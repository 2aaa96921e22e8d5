using Google.Protobuf;

namespace Exchange.Hub.Quarantine;

/// <summary>Names of the operations whose inputs are quarantined, and the content type of their payloads.</summary>
internal static class QuarantineOperations
{
    public const string RegisterChild = "grpc:RegisterChild";
    public const string RecordVaccinations = "grpc:RecordVaccinations";

    /// <summary>One item of a BulkUpload stream (the payload is the BulkUploadItem).</summary>
    public const string BulkUploadItem = "grpc:BulkUpload";

    public static string ContentTypeOf(IMessage message) => $"application/x-protobuf; messageType={message.Descriptor.FullName}";
}
