using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Audit;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Forecast;
using Exchange.Hub.Fhir.Http;
using Exchange.Silo.Audit;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>The FHIR R4 REST endpoint under /fhir (application/fhir+json).</summary>
internal static class FhirEndpoints
{
    private static readonly HashSet<string> Stored = new(StringComparer.Ordinal) { "Patient", "Immunization", "ImmunizationRecommendation" };

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous: a client learns what the hub supports before it has credentials.
        app.MapGet("/fhir/metadata", (HttpRequest request, TimeProvider time) =>
            FhirRequestFilter.NotAcceptable(request) ?? FhirResult.Ok(CapabilityStatementFactory.Create(time.GetUtcNow())))
            .AllowAnonymous();

        var fhir = app.MapGroup("/fhir").AddEndpointFilter<FhirRequestFilter>();
        fhir.MapPost("/", BundleEndpoint.PostAsync).Writes("Bundle/process");
        fhir.MapGet("/Patient", PatientEndpoints.SearchAsync).Reads("Patient/search", ExchangeKind.Search);
        fhir.MapPost("/Patient", PatientEndpoints.CreateAsync).Writes("Patient/create");
        fhir.MapGet("/Patient/{id}", PatientEndpoints.ReadAsync).Reads("Patient/read", ExchangeKind.Read);
        fhir.MapPut("/Patient/{id}", PatientEndpoints.UpdateAsync).Writes("Patient/update");
        fhir.MapGet("/Patient/{id}/$everything", PatientEndpoints.EverythingAsync).Reads("Patient/everything", ExchangeKind.Read);
        fhir.MapGet("/Immunization", ImmunizationEndpoints.SearchAsync).Reads("Immunization/search", ExchangeKind.Search);
        fhir.MapPost("/Immunization", ImmunizationEndpoints.CreateAsync).Writes("Immunization/create");
        fhir.MapGet("/Immunization/{id}", ImmunizationEndpoints.ReadAsync).Reads("Immunization/read", ExchangeKind.Read);
        fhir.MapPut("/Immunization/{id}", ImmunizationEndpoints.UpdateAsync).Writes("Immunization/update");
        fhir.MapGet("/AuditEvent", AuditEventEndpoints.SearchAsync)
            .RequireAuthorization(AccessPolicies.Audit).WithExchangeLog("AuditEvent/search", ExchangeKind.Audit);
        fhir.MapForecastEndpoints();
        fhir.Map("/{**rest}", Unsupported).Reads("unsupported", ExchangeKind.Other);
        return app;
    }

    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, string operation, ExchangeKind kind) =>
        endpoint.RequireAuthorization(AccessPolicies.ClinicalRead).WithExchangeLog(operation, kind);

    private static RouteHandlerBuilder Writes(this RouteHandlerBuilder endpoint, string operation) =>
        endpoint.RequireAuthorization(AccessPolicies.ClinicalWrite).WithExchangeLog(operation, ExchangeKind.Write);

    /// <summary>Anything else: 405 for an interaction the hub lacks on a type it stores, 404 for other types.</summary>
    private static FhirResult Unsupported(HttpRequest request, string? rest)
    {
        var type = (rest ?? string.Empty).Split('/')[0];
        return Stored.Contains(type) || (type.Length == 0)
            ? FhirResult.Error(FhirError.NotSupported(StatusCodes.Status405MethodNotAllowed, null, $"{request.Method} {request.Path} is not supported; see GET /fhir/metadata"))
            : FhirResult.Error(FhirError.NotSupported(StatusCodes.Status404NotFound, null, $"resource type '{type}' is not served by this hub (it keeps Patient and Immunization)"));
    }
}
