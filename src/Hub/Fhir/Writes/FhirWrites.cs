using System.Security.Cryptography;
using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Quarantine;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// Plans and executes the writes of one FHIR request: check everything first, then write per record. A request that
/// cannot be normalized is kept in quarantine (as gRPC's are) before the client is told why.
/// </summary>
internal sealed class FhirWrites(WritePlanner planner, WriteExecutor executor, QuarantineGate quarantine, TimeProvider time)
{
    /// <param name="transaction">All entries succeed or none is written (per record; see README for several records).</param>
    /// <param name="hold">What to keep in quarantine when the request cannot be normalized; null: nothing (a replay).</param>
    /// <param name="codes">The caller's code translator; its current map (cached per node) when null.</param>
    public async Task<(Dictionary<int, EntryResult>? Results, FhirError? Error)> RunAsync(
        IReadOnlyList<WriteEntry> entries,
        Caller caller,
        string messageId,
        bool transaction,
        ExchangeCall exchange,
        FhirHold? hold = null,
        ICodeTranslator? codes = null)
    {
        var now = time.GetUtcNow();
        codes ??= await quarantine.CodesForAsync(caller);
        var plan = await planner.PlanAsync(entries, ChinaCalendar.Today(now), transaction, caller.UnitCode, codes);
        if (plan.Errors.Count > 0)
        {
            var error = plan.CombinedError();
            return (null, hold is null || error.Unnormalized.Count == 0 ? error : await HoldAsync(error, hold, caller, messageId));
        }

        return FhirUnitStamping.Refusal(plan, caller) is { } refused
            ? (null, refused)
            : await executor.ExecuteAsync(plan, caller, messageId, now, exchange);
    }

    /// <summary>Keeps the request (once per message) and tells the client where: an informational issue with the id.</summary>
    private async Task<FhirError> HoldAsync(FhirError error, FhirHold hold, Caller caller, string messageId)
    {
        // Not the request's token: a refusal the client was about to get is kept even if it hangs up.
        var receipt = await quarantine.HoldAsync(caller, hold.Operation, hold.Payload(), FhirHold.ContentType, messageId, error.Unnormalized, CancellationToken.None);
        return receipt is null ? error : error with
        {
            Issues = [.. error.Issues, new FhirIssue(
                OperationOutcome.IssueType.Informational,
                $"the request is held in quarantine as {receipt.Id}; once the sender's code map or data is fixed, an operator resubmits it",
                null,
                OperationOutcome.IssueSeverity.Information)],
        };
    }

    /// <summary>
    /// The client message id of a request: a digest of what was sent, so a retried request (same body, same URL)
    /// is recognized by the records it already wrote and changes nothing.
    /// </summary>
    public static string MessageIdOf(string method, string path, byte[] body)
    {
        // SHA-256 of the request line and the body, hashed in place rather than over a concatenated copy of the body.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return "fhir-" + Convert.ToHexStringLower(digest[..16]);
    }
}
