using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>The FHIR R4 REST endpoint under /fhir (application/fhir+json).</summary>
internal static class FhirEndpoints
{
    private static readonly HashSet<string> Stored = new(StringComparer.Ordinal) { "Patient", "Immunization" };

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous: a client learns what the hub supports before it has credentials.
        app.MapGet("/fhir/metadata", (HttpRequest request, TimeProvider time) =>
            FhirRequestFilter.NotAcceptable(request) ?? FhirResult.Ok(CapabilityStatementFactory.Create(time.GetUtcNow())));

        var fhir = app.MapGroup("/fhir").AddEndpointFilter<FhirRequestFilter>();
        fhir.MapPost("/", BundleEndpoint.PostAsync);
        fhir.MapGet("/Patient", PatientEndpoints.SearchAsync);
        fhir.MapPost("/Patient", PatientEndpoints.CreateAsync);
        fhir.MapGet("/Patient/{id}", PatientEndpoints.ReadAsync);
        fhir.MapPut("/Patient/{id}", PatientEndpoints.UpdateAsync);
        fhir.MapGet("/Patient/{id}/$everything", PatientEndpoints.EverythingAsync);
        fhir.MapGet("/Immunization", ImmunizationEndpoints.SearchAsync);
        fhir.MapPost("/Immunization", ImmunizationEndpoints.CreateAsync);
        fhir.MapGet("/Immunization/{id}", ImmunizationEndpoints.ReadAsync);
        fhir.MapPut("/Immunization/{id}", ImmunizationEndpoints.UpdateAsync);
        fhir.Map("/{**rest}", Unsupported);
        return app;
    }

    /// <summary>Anything else: 405 for an interaction the hub lacks on a type it stores, 404 for other types.</summary>
    private static FhirResult Unsupported(HttpRequest request, string? rest)
    {
        var type = (rest ?? string.Empty).Split('/')[0];
        return Stored.Contains(type) || (type.Length == 0)
            ? FhirResult.Error(FhirError.NotSupported(StatusCodes.Status405MethodNotAllowed, null, $"{request.Method} {request.Path} is not supported; see GET /fhir/metadata"))
            : FhirResult.Error(FhirError.NotSupported(StatusCodes.Status404NotFound, null, $"resource type '{type}' is not served by this hub (it keeps Patient and Immunization)"));
    }
}
