using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;

namespace Exchange.Hub.Fhir.Http;

/// <summary>Reads a FHIR request body: content type (415), size (413), Firely parsing (400) and resource type (400).</summary>
internal static class FhirRequestReader
{
    /// <summary>Largest body accepted; a Bundle of a few hundred children fits well within it.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public static async Task<(TResource? Resource, byte[] Body, FhirError? Error)> ReadAsync<TResource>(HttpRequest request)
        where TResource : Resource
    {
        if (!FhirContent.IsJsonContentType(request.ContentType))
        {
            return (null, [], FhirError.NotSupported(
                StatusCodes.Status415UnsupportedMediaType, null, $"send {FhirContent.FhirJson} (or application/json), not '{request.ContentType ?? "no content type"}'"));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, [], TooLarge(request.ContentLength.Value));
        }

        var body = await ReadLimitedAsync(request);
        if (body is null)
        {
            return (null, [], TooLarge(null));
        }

        if (body.Length == 0)
        {
            return (null, body, FhirError.Structure(null, "the request has no body; send a FHIR resource"));
        }

        var (resource, error) = FhirJson.Parse(body);
        var expected = ModelInfo.GetFhirTypeNameForType(typeof(TResource)) ?? typeof(TResource).Name;
        if (resource is not null and not TResource)
        {
            return (null, body, FhirError.Invalid("resourceType", $"this endpoint takes a {expected}, not a {resource.TypeName}"));
        }

        return error is null ? ((TResource)resource!, body, null) : (null, body, error);
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request)
    {
        if (request.ContentLength is { } length)
        {
            // Kestrel holds the client to its Content-Length (already checked against the limit): read it in place.
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, request.HttpContext.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static FhirError TooLarge(long? length) => new(
        StatusCodes.Status413PayloadTooLarge,
        [new FhirIssue(OperationOutcome.IssueType.TooCostly, $"the body{(length is null ? string.Empty : $" ({length} bytes)")} exceeds the limit of {MaxBodyBytes} bytes; split the Bundle", null)]);
}

/// <summary>Media types of the FHIR endpoint: application/fhir+json, and application/json as its synonym.</summary>
internal static class FhirContent
{
    public const string FhirJson = "application/fhir+json";

    public static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the client accepts JSON (Accept header and the optional _format parameter).</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        var format = request.Query["_format"].ToString();
        if (format.Length > 0)
        {
            return format is "json" or FhirJson or "application/json" or "application/fhir json";
        }

        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
            && types.Any(type => type.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("*/*", StringComparison.Ordinal)
                || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase));
    }
}
