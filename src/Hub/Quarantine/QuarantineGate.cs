using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Silo.CodeMaps;
using Exchange.Silo.Quarantine;
using Google.Protobuf;

namespace Exchange.Hub.Quarantine;

/// <summary>
/// The edge's one hook into code maps and quarantine: normalizes a request with the caller's current code map, and
/// when normalization fails keeps the original request in quarantine before the caller is told why (with the
/// quarantine id), so no refused input is lost.
/// </summary>
internal sealed class QuarantineGate(CodeMapCache maps, IQuarantineStore store, TimeProvider time, ILogger<QuarantineGate> logger)
{
    /// <summary>The normalized value; otherwise the request is quarantined and the call fails with INVALID_ARGUMENT.</summary>
    public async Task<T> NormalizeAsync<T>(
        Caller caller, string operation, IMessage request, string clientMessageId, Func<ICodeTranslator, Result<T>> normalize, CancellationToken cancellationToken)
    {
        var result = normalize(await maps.TranslatorForAsync(caller.SystemId));
        if (result.Succeeded)
        {
            return result.Value;
        }

        var receipt = await HoldAsync(caller, operation, request, clientMessageId, result.Issues, cancellationToken);
        throw receipt is null ? RpcErrors.FromIssues(result.Issues) : QuarantineErrors.Quarantined(result.Issues, receipt.Id);
    }

    /// <summary>The caller's current code translator (for edges that quarantine themselves, like bulk upload).</summary>
    public Task<SourceCodeTranslator> CodesForAsync(Caller caller) => maps.TranslatorForAsync(caller.SystemId);

    /// <summary>
    /// Keeps a refused request; the same source, operation and message id is kept once. Null when the refusal is
    /// about the caller's rights (another unit's data): that is not an input to correct and resubmit.
    /// </summary>
    public Task<QuarantineReceipt?> HoldAsync(
        Caller caller, string operation, IMessage request, string clientMessageId, IReadOnlyList<Issue> issues, CancellationToken cancellationToken) =>
        HoldAsync(caller, operation, request.ToByteArray(), QuarantineOperations.ContentTypeOf(request), clientMessageId, issues, cancellationToken);

    /// <summary>Keeps a refused payload that is not a protobuf message (e.g. FHIR JSON as UTF-8 with <c>application/fhir+json</c>).</summary>
    public async Task<QuarantineReceipt?> HoldAsync(
        Caller caller, string operation, byte[] payload, string contentType, string clientMessageId, IReadOnlyList<Issue> issues, CancellationToken cancellationToken)
    {
        if (issues.Any(issue => issue.Code == IssueCode.Forbidden))
        {
            return null;
        }

        var submission = new QuarantineSubmission(caller.SystemId, operation, clientMessageId ?? string.Empty, issues, payload, contentType, time.GetUtcNow());
        var receipt = await store.HoldAsync(submission, cancellationToken);
        QuarantineLog.Held(logger, caller.SystemId, operation, receipt.Id, issues[0].ReasonOrDefault, receipt.AlreadyHeld);
        return receipt;
    }
}
