using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Writes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Bundles;

/// <summary>Reads the entries of a transaction or batch Bundle into writes; an entry the hub cannot run is an error.</summary>
internal static class BundleEntries
{
    public static (WriteEntry? Entry, FhirError? Error) Read(Bundle.EntryComponent component, int index)
    {
        ArgumentNullException.ThrowIfNull(component);
        var at = $"Bundle.entry[{index}]";
        if (component.Request is not { } request || request.Method is not { } method || string.IsNullOrEmpty(request.Url))
        {
            return (null, FhirError.Invalid($"{at}.request", "every entry of a transaction or batch needs request.method and request.url"));
        }

        if (method is not (Bundle.HTTPVerb.POST or Bundle.HTTPVerb.PUT))
        {
            return (null, FhirError.NotSupported(
                StatusCodes.Status405MethodNotAllowed, $"{at}.request.method", $"{method} {request.Url} is not supported in a Bundle; the hub takes POST (create) and PUT (update) entries"));
        }

        if (component.Resource is not { } resource)
        {
            return (null, FhirError.Invalid($"{at}.resource", $"a {method} entry needs a resource"));
        }

        var url = request.Url.Split('?')[0].TrimEnd('/');
        var parts = url.Split('/');
        if (parts[0] != resource.TypeName || request.Url.Contains('$', StringComparison.Ordinal))
        {
            return (null, FhirError.Invalid($"{at}.request.url", $"request.url '{request.Url}' does not name the entry's resource type {resource.TypeName}"));
        }

        string? targetId = null;
        if (method == Bundle.HTTPVerb.PUT)
        {
            if (parts.Length != 2 || request.Url.Contains('?', StringComparison.Ordinal))
            {
                return (null, FhirError.NotSupported(
                    StatusCodes.Status501NotImplemented, $"{at}.request.url", $"an update names the resource by id ({resource.TypeName}/{{id}}); conditional update '{request.Url}' is not supported"));
            }

            targetId = parts[1];
            if (resource.Id is { } id && id != targetId)
            {
                return (null, FhirError.Invalid($"{at}.resource.id", $"resource id '{id}' differs from the id '{targetId}' in request.url"));
            }
        }

        return (new WriteEntry(index, $"{at}.resource", component.FullUrl, method.ToString()!, resource, targetId, request.IfNoneExist), null);
    }
}
