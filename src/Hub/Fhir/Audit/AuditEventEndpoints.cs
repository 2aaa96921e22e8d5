using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Silo.Audit;

namespace Exchange.Hub.Fhir.Audit;

/// <summary>GET /fhir/AuditEvent?patient=...: who sent or read a child's record, newest first (auditors only).</summary>
internal static class AuditEventEndpoints
{
    private const int DefaultCount = 50;

    public static async Task<IResult> SearchAsync(HttpContext context, ExchangeLogReader reader)
    {
        var query = context.Request.Query;
        var patient = query["patient"].ToString();
        if (patient.StartsWith("Patient/", StringComparison.Ordinal))
        {
            patient = patient["Patient/".Length..];
        }

        if (patient.Length == 0)
        {
            return FhirResult.Error(FhirError.Invalid("patient", "AuditEvent search needs patient (a hub id or Patient/<hub id>)"));
        }

        var count = int.TryParse(query["_count"], out var asked) && asked > 0 ? Math.Min(asked, ExchangeLogReader.MaxPageSize) : DefaultCount;
        var page = await reader.QueryAsync(new ExchangeLogFilter { PersonHubId = patient }, count, null, context.RequestAborted);
        return FhirResult.Ok(FhirResponses.SearchSet(context.Request, page.Entries.Select(entry => entry.ToAuditEvent())));
    }
}
