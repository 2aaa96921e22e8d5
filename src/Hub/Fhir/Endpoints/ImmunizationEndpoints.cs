using Exchange.Adapters.Model;
using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Fhir.Mapping;
using Exchange.Hub.Fhir.Search;
using Exchange.Hub.Fhir.Writes;
using Exchange.Silo.Registry;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>Immunization: create (conditional), read, search, and update to entered-in-error.</summary>
internal static class ImmunizationEndpoints
{
    public static Task<IResult> CreateAsync(HttpContext context, FhirWrites writes, PersonDirectory directory) =>
        SingleWrite.RunAsync<Immunization>(context, writes, null, location => ReadBackAsync(directory, location));

    public static Task<IResult> UpdateAsync(string id, HttpContext context, FhirWrites writes, PersonDirectory directory) =>
        SingleWrite.RunAsync<Immunization>(context, writes, id, location => ReadBackAsync(directory, location));

    public static async Task<IResult> ReadAsync(string id, HttpContext context, PersonDirectory directory)
    {
        var (record, immunization) = await FindAsync(directory, id);
        if (immunization is null)
        {
            return FhirResult.Error(FhirError.NotFound(null, $"no Immunization {id}"));
        }

        context.Exchange().Returned([record!], 1);
        return FhirResult.Ok(immunization);
    }

    public static async Task<IResult> SearchAsync(HttpContext context, ImmunizationSearch search)
    {
        var (record, events, error) = await search.RunAsync(new SearchParameters(context.Request.Query, "Immunization"));
        if (error is not null)
        {
            return FhirResult.Error(error);
        }

        if (record is null)
        {
            return FhirResult.Ok(FhirResponses.SearchSet(context.Request, []));
        }

        // The search reads one patient's record: even an empty result tells the caller what that record lacks.
        context.Exchange().Returned([record], events!.Count);
        return FhirResult.Ok(FhirResponses.SearchSet(context.Request, FhirResponses.Immunizations(record, events)));
    }

    private static async Task<Resource?> ReadBackAsync(PersonDirectory directory, string location) =>
        (await FindAsync(directory, location["Immunization/".Length..])).Immunization;

    private static async Task<(PersonRecord? Record, Immunization? Immunization)> FindAsync(PersonDirectory directory, string eventId)
    {
        var hubId = FhirResponses.HubIdOfEvent(eventId);
        var record = await directory.GetRecordAsync(hubId);
        return (record, record?.Vaccinations.FirstOrDefault(vaccination => vaccination.EventId == eventId)?.ToImmunization(hubId));
    }
}
