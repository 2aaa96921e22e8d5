using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Http;

/// <summary>A FHIR response: a resource serialized by Firely as application/fhir+json, with status and headers.</summary>
internal sealed class FhirResult(int status, Resource? resource, string? location = null) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    public int Status => status;

    /// <summary>Read by the exchange log before the result is written, so an error is logged with its own status.</summary>
    int? IStatusCodeHttpResult.StatusCode => status;

    public Resource? Resource => resource;

    public static FhirResult Ok(Resource resource) => new(StatusCodes.Status200OK, resource);

    public static FhirResult Created(Resource resource, string location) => new(StatusCodes.Status201Created, resource, location);

    public static FhirResult Error(FhirError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new FhirResult(error.Status, OperationOutcomes.From(error));
    }

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (resource is null)
        {
            return;
        }

        response.ContentType = ContentType;
        await FhirJson.SerializeAsync(resource, response.BodyWriter, httpContext.RequestAborted);
    }
}
