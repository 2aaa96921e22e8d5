using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Writes;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace Exchange.Hub.Fhir.Bundles;

/// <summary>
/// POST /fhir: a transaction (every entry checked first; any failure writes nothing and names the entry) or a batch
/// (each entry on its own, with its own status).
/// </summary>
internal sealed class BundleProcessor(FhirWrites writes)
{
    /// <param name="body">The request body: what is kept in quarantine when the Bundle (transaction) or an entry (batch)
    /// cannot be normalized.</param>
    public async Task<(Bundle? Response, FhirError? Error)> ProcessAsync(Bundle bundle, Caller caller, string messageId, ExchangeCall exchange, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return bundle.Type switch
        {
            Bundle.BundleType.Transaction => await TransactionAsync(bundle, caller, messageId, exchange, body),
            Bundle.BundleType.Batch => (await BatchAsync(bundle, caller, messageId, exchange, body), null),
            _ => (null, FhirError.Invalid("Bundle.type", $"POST /fhir takes a transaction or batch Bundle, not '{bundle.Type?.ToString() ?? "no type"}'")),
        };
    }

    private async Task<(Bundle?, FhirError?)> TransactionAsync(Bundle bundle, Caller caller, string messageId, ExchangeCall exchange, byte[] body)
    {
        var entries = new List<WriteEntry>();
        var errors = new List<FhirError>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var (entry, error) = BundleEntries.Read(bundle.Entry[i], i);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                entries.Add(entry!);
            }
        }

        if (errors.Count > 0)
        {
            return (null, new FhirError(errors.Max(error => error.Status), [.. errors.SelectMany(error => error.Issues)]));
        }

        var (results, failure) = await writes.RunAsync(entries, caller, messageId, transaction: true, exchange, FhirHold.Transaction(body));
        return failure is not null ? (null, failure) : (Response(Bundle.BundleType.TransactionResponse, bundle.Entry.Count, results!), null);
    }

    private async Task<Bundle> BatchAsync(Bundle bundle, Caller caller, string messageId, ExchangeCall exchange, byte[] body)
    {
        var results = new Dictionary<int, EntryResult>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var (entry, error) = BundleEntries.Read(bundle.Entry[i], i);
            if (entry is not null)
            {
                var hold = FhirHold.BatchEntry(body, i, entry.Method);
                var (written, failure) = await writes.RunAsync([entry], caller, $"{messageId}:{i}", transaction: false, exchange, hold);
                error = failure;
                if (written is not null)
                {
                    results[i] = written[i];
                }
            }

            if (error is not null)
            {
                results[i] = new EntryResult(StatusLine(error.Status), null, OperationOutcomes.From(error));
            }
        }

        return Response(Bundle.BundleType.BatchResponse, bundle.Entry.Count, results);
    }

    private static Bundle Response(Bundle.BundleType type, int count, Dictionary<int, EntryResult> results)
    {
        var response = new Bundle { Type = type };
        for (var i = 0; i < count; i++)
        {
            var result = results.GetValueOrDefault(i) ?? new EntryResult("200 OK", null, null);
            response.Entry.Add(new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent { Status = result.Status, Location = result.Location, Outcome = result.Outcome },
            });
        }

        return response;
    }

    private static string StatusLine(int status) => $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
}
