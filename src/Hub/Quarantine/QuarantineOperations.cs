using Google.Protobuf;

namespace Exchange.Hub.Quarantine;

/// <summary>Names of the operations whose inputs are quarantined, and the content type of their payloads.</summary>
internal static class QuarantineOperations
{
    public const string RegisterChild = "grpc:RegisterChild";
    public const string RecordVaccinations = "grpc:RecordVaccinations";

    /// <summary>One item of a BulkUpload stream (the payload is the BulkUploadItem).</summary>
    public const string BulkUploadItem = "grpc:BulkUpload";

    /// <summary>A FHIR create (POST of a Patient or Immunization, standalone or in a batch); the payload is a one-entry batch Bundle.</summary>
    public const string FhirCreate = "fhir:create";

    /// <summary>A FHIR update (PUT), standalone or in a batch; the payload is a one-entry batch Bundle.</summary>
    public const string FhirUpdate = "fhir:update";

    /// <summary>A FHIR transaction Bundle, held whole (the request body).</summary>
    public const string FhirTransaction = "fhir:transaction";

    public static string ContentTypeOf(IMessage message) => $"application/x-protobuf; messageType={message.Descriptor.FullName}";
}
