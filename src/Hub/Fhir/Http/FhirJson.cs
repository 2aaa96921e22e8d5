using System.Text.Json;
using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace Exchange.Hub.Fhir.Http;

/// <summary>FHIR JSON in and out, through the Firely SDK only.</summary>
internal static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());
    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    /// <summary>The resource in <paramref name="json"/>, or a 400 naming each element the SDK could not read.</summary>
    public static (Resource? Resource, FhirError? Error) Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (Deserializer.TryDeserializeResource(ref reader, out var resource, out var problems))
            {
                return (resource, null);
            }

            var issues = problems.Select(ToIssue).ToList();
            return (null, new FhirError(StatusCodes.Status400BadRequest, issues.Count > 0 ? issues : [new FhirIssue(OperationOutcome.IssueType.Structure, "the body is not a FHIR resource", null)]));
        }
        catch (JsonException exception)
        {
            return (null, FhirError.Structure(null, $"the body is not well-formed JSON: {exception.Message}"));
        }
        catch (DeserializationFailedException exception)
        {
            return (null, new FhirError(StatusCodes.Status400BadRequest, [.. exception.Exceptions.Select(ToIssue)]));
        }
    }

    public static byte[] Serialize(Resource resource) => Serializer.SerializeToBytes(resource);

    private static FhirIssue ToIssue(CodedException problem) => problem is ExtendedCodedException extended
        ? new FhirIssue(
            extended.IssueType == OperationOutcome.IssueType.Invalid ? OperationOutcome.IssueType.Structure : extended.IssueType,
            extended.Message,
            string.IsNullOrEmpty(extended.InstancePath) ? null : extended.InstancePath)
        : new FhirIssue(OperationOutcome.IssueType.Structure, problem.Message, null);
}
