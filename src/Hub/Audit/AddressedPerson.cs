using Exchange.Hub.Fhir.Endpoints;

namespace Exchange.Hub.Audit;

/// <summary>
/// The person an HTTP request addresses by its path (/fhir/Patient/{id}, /fhir/Immunization/{hubId}-{n}), known
/// before the handler runs, so that a refused or failed exchange still names whose record it aimed at. Only a
/// well-formed hub id counts: the path is caller text and might carry an ID number or a name, which the exchange log
/// must never hold.
/// </summary>
internal static class AddressedPerson
{
    public static string? HubIdOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RouteValues.TryGetValue("id", out var value) || value is not string id)
        {
            return null;
        }

        var hubId = request.Path.StartsWithSegments("/fhir/Patient") ? id
            : request.Path.StartsWithSegments("/fhir/Immunization") ? FhirResponses.HubIdOfEvent(id)
            : null;
        return hubId is not null && IsHubId(hubId) ? hubId : null;
    }

    /// <summary>Hub ids are 32 lower-case hexadecimal digits (a GUID without dashes).</summary>
    public static bool IsHubId(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);
}
