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

    public static async Task<IResult> ReadAsync(string id, PersonDirectory directory) =>
        await FindAsync(directory, id) is { } immunization
            ? FhirResult.Ok(immunization)
            : FhirResult.Error(FhirError.NotFound(null, $"no Immunization {id}"));

    public static async Task<IResult> SearchAsync(HttpContext context, ImmunizationSearch search)
    {
        var (hubId, events, error) = await search.RunAsync(new SearchParameters(context.Request.Query, "Immunization"));
        return error is not null
            ? FhirResult.Error(error)
            : FhirResult.Ok(FhirResponses.SearchSet(context.Request, events!.Select(vaccination => vaccination.ToImmunization(hubId!))));
    }

    private static async Task<Resource?> ReadBackAsync(PersonDirectory directory, string location) =>
        await FindAsync(directory, location["Immunization/".Length..]);

    private static async Task<Immunization?> FindAsync(PersonDirectory directory, string eventId)
    {
        var hubId = FhirResponses.HubIdOfEvent(eventId);
        var record = await directory.Person(hubId).GetAsync();
        return record?.Vaccinations.FirstOrDefault(vaccination => vaccination.EventId == eventId)?.ToImmunization(hubId);
    }
}
