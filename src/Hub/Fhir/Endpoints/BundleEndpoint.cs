using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Bundles;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Fhir.Writes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>POST /fhir: transaction and batch Bundles.</summary>
internal static class BundleEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext context, BundleProcessor processor, ILogger<BundleProcessor> logger)
    {
        var (bundle, body, error) = await FhirRequestReader.ReadAsync<Bundle>(context.Request);
        if (error is not null)
        {
            return FhirResult.Error(error);
        }

        var caller = FhirRequestFilter.CallerOf(context);
        var (response, failure) = await processor.ProcessAsync(bundle!, caller, FhirWrites.MessageIdOf("POST", "/fhir", body), context.Exchange(), body);
        if (failure is not null)
        {
            return FhirResult.Error(failure);
        }

        FhirLog.Written(logger, bundle!.Type == Bundle.BundleType.Transaction ? "transaction" : "batch", caller.SystemId, bundle.Entry.Count);
        return FhirResult.Ok(response!);
    }
}
