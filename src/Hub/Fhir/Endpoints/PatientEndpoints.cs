using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Fhir.Mapping;
using Exchange.Hub.Fhir.Search;
using Exchange.Hub.Fhir.Writes;
using Exchange.Silo.Registry;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>Patient: create (conditional), read, update, search and $everything.</summary>
internal static class PatientEndpoints
{
    public static Task<IResult> CreateAsync(HttpContext context, FhirWrites writes, PersonDirectory directory) =>
        SingleWrite.RunAsync<Patient>(context, writes, null, location => ReadBackAsync(directory, location));

    public static Task<IResult> UpdateAsync(string id, HttpContext context, FhirWrites writes, PersonDirectory directory) =>
        SingleWrite.RunAsync<Patient>(context, writes, id, location => ReadBackAsync(directory, location));

    public static async Task<IResult> ReadAsync(string id, HttpContext context, PersonDirectory directory)
    {
        var record = await directory.GetRecordAsync(id);
        if (record is null)
        {
            return FhirResult.Error(FhirError.NotFound(null, $"no Patient {id}"));
        }

        context.Exchange().Returned([record], 1);
        return FhirResult.Ok(record.ToPatient());
    }

    public static async Task<IResult> SearchAsync(HttpContext context, PatientSearch search)
    {
        var (records, error) = await search.RunAsync(new SearchParameters(context.Request.Query, "Patient"), context.RequestAborted);
        if (error is not null)
        {
            return FhirResult.Error(error);
        }

        context.Exchange().Returned(records!, records!.Count);
        return FhirResult.Ok(FhirResponses.SearchSet(context.Request, records.Select(record => record.ToPatient())));
    }

    /// <summary>$everything: the Patient and every Immunization on the record, entered-in-error ones included.</summary>
    public static async Task<IResult> EverythingAsync(string id, HttpContext context, PersonDirectory directory)
    {
        var record = await directory.GetRecordAsync(id);
        if (record is null)
        {
            return FhirResult.Error(FhirError.NotFound(null, $"no Patient {id}"));
        }

        Resource[] resources = [record.ToPatient(), .. FhirResponses.Immunizations(record, record.Vaccinations)];
        context.Exchange().Returned([record], resources.Length);
        return FhirResult.Ok(FhirResponses.SearchSet(context.Request, resources));
    }

    private static async Task<Resource?> ReadBackAsync(PersonDirectory directory, string location)
    {
        var record = await directory.GetRecordAsync(location["Patient/".Length..]);
        return record?.ToPatient();
    }
}
