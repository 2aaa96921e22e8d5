using Exchange.Adapters.Model;
using Exchange.Hub.Fhir.Mapping;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>Search-set Bundles and the base URL of the endpoint for full URLs.</summary>
internal static class FhirResponses
{
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/fhir";
    }

    public static Bundle SearchSet(HttpRequest request, IEnumerable<Resource> resources)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        var baseUrl = BaseUrl(request);
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        bundle.Total = bundle.Entry.Count;
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}{request.Path.Value?[5..]}{request.QueryString}" });
        return bundle;
    }

    public static IEnumerable<Immunization> Immunizations(PersonRecord record, IEnumerable<VaccinationEvent> events) =>
        events.Select(vaccination => vaccination.ToImmunization(record.HubId));

    /// <summary>The hub id inside an event id "{hubId}-{number}".</summary>
    public static string HubIdOfEvent(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var dash = eventId.LastIndexOf('-');
        return dash > 0 ? eventId[..dash] : eventId;
    }
}
