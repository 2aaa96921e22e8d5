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

    /// <summary>
    /// The resource in <paramref name="json"/>, or a 400 naming each element the SDK could not read; with an error,
    /// the resource is what the SDK could read (so a wrong resource type is reported as such), or null.
    /// </summary>
    public static (Resource? Resource, FhirError? Error) Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (Deserializer.TryDeserializeResource(ref reader, out var resource, out var problems))
            {
                return (resource, null);
            }

            var issues = problems.Select(problem => ToIssue(problem, resource?.TypeName)).ToList();
            return (resource, new FhirError(StatusCodes.Status400BadRequest, issues.Count > 0 ? issues : [new FhirIssue(OperationOutcome.IssueType.Structure, "the body is not a FHIR resource", null)]));
        }
        catch (JsonException exception)
        {
            return (null, FhirError.Structure(null, $"the body is not well-formed JSON: {exception.Message}"));
        }
        catch (DeserializationFailedException exception)
        {
            return (null, new FhirError(StatusCodes.Status400BadRequest, [.. exception.Exceptions.Select(problem => ToIssue(problem, null))]));
        }
    }

    /// <summary>Serializes straight into the response's buffers, without an intermediate array.</summary>
    public static async System.Threading.Tasks.Task SerializeAsync(Resource resource, System.IO.Pipelines.PipeWriter output, CancellationToken cancellationToken)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            Serializer.Serialize(resource, writer);
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The SDK's problem as an issue; its "$this" root becomes the resource type, as in FHIRPath.</summary>
    private static FhirIssue ToIssue(CodedException problem, string? resourceType) => problem is ExtendedCodedException extended
        ? new FhirIssue(
            extended.IssueType == OperationOutcome.IssueType.Invalid ? OperationOutcome.IssueType.Structure : extended.IssueType,
            extended.Message,
            string.IsNullOrEmpty(extended.InstancePath) ? null : Rooted(extended.InstancePath, resourceType))
        : new FhirIssue(OperationOutcome.IssueType.Structure, problem.Message, null);

    private static string Rooted(string path, string? resourceType) =>
        resourceType is not null && path.StartsWith("$this", StringComparison.Ordinal) ? resourceType + path["$this".Length..] : path;
}
