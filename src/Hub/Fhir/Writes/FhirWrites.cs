using System.Security.Cryptography;
using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Silo.CodeMaps;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>Plans and executes the writes of one FHIR request: check everything first, then write per record.</summary>
internal sealed class FhirWrites(WritePlanner planner, WriteExecutor executor, CodeMapCache maps, TimeProvider time)
{
    /// <param name="transaction">All entries succeed or none is written (per record; see README for several records).</param>
    /// <param name="codes">The caller's code translator; its current map (cached per node) when null.</param>
    public async Task<(Dictionary<int, EntryResult>? Results, FhirError? Error)> RunAsync(
        IReadOnlyList<WriteEntry> entries, Caller caller, string messageId, bool transaction, ExchangeCall exchange, ICodeTranslator? codes = null)
    {
        var now = time.GetUtcNow();
        codes ??= await maps.TranslatorForAsync(caller.SystemId);
        var plan = await planner.PlanAsync(entries, ChinaCalendar.Today(now), transaction, caller.UnitCode, codes);
        if (plan.Errors.Count > 0)
        {
            return (null, plan.CombinedError());
        }

        return FhirUnitStamping.Refusal(plan, caller) is { } refused
            ? (null, refused)
            : await executor.ExecuteAsync(plan, caller, messageId, now, exchange);
    }

    /// <summary>
    /// The client message id of a request: a digest of what was sent, so a retried request (same body, same URL)
    /// is recognized by the records it already wrote and changes nothing.
    /// </summary>
    public static string MessageIdOf(string method, string path, byte[] body)
    {
        var head = System.Text.Encoding.UTF8.GetBytes($"{method} {path}\n");
        var digest = SHA256.HashData([.. head, .. body]);
        return "fhir-" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
