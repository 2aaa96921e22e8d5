using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Fhir.Writes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>A create or update of one resource through the same write path as a Bundle, answered with the stored resource.</summary>
internal static class SingleWrite
{
    public static async Task<IResult> RunAsync<TResource>(
        HttpContext context, FhirWrites writes, string? targetId, Func<string, Task<Resource?>> readBack)
        where TResource : Resource
    {
        var request = context.Request;
        var (resource, body, error) = await FhirRequestReader.ReadAsync<TResource>(request);
        if (error is not null)
        {
            return FhirResult.Error(error);
        }

        if (targetId is not null && resource!.Id is { } id && id != targetId)
        {
            return FhirResult.Error(FhirError.Invalid($"{resource.TypeName}.id", $"resource id '{id}' differs from the id '{targetId}' in the URL"));
        }

        var ifNoneExist = request.Headers["If-None-Exist"].ToString();
        var entry = new WriteEntry(0, null, null, request.Method, resource!, targetId, ifNoneExist.Length == 0 ? null : ifNoneExist);
        var messageId = FhirWrites.MessageIdOf(request.Method, request.Path, body);
        var hold = FhirHold.Single(request.Method, resource!.TypeName, targetId, entry.IfNoneExist, body);
        var (results, failure) = await writes.RunAsync([entry], FhirRequestFilter.CallerOf(context), messageId, transaction: false, context.Exchange(), hold);
        if (failure is not null)
        {
            return FhirResult.Error(failure);
        }

        var result = results![0];
        var stored = await readBack(result.Location!);
        var status = result.Status.StartsWith("201", StringComparison.Ordinal) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return new FhirResult(status, stored ?? OperationOutcomes.Information(result.Status), $"{FhirResponses.BaseUrl(request)}/{result.Location}");
    }
}
