using Exchange.Adapters.Results;
using Exchange.Hub.Errors;
using Exchange.Silo.Audit;
using Grpc.Core;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Audit;

/// <summary>Logs each bulk-upload item as its own exchange ("ClinicRecords/BulkUploadItem") before its result is sent.</summary>
internal sealed class BulkItemLog(IExchangeRecorder recorder, ExchangeCall call, TimeProvider time)
{
    /// <summary>False when the entry could not be made durable: the item must then not be acknowledged as stored.</summary>
    /// <param name="region">The stored record's residence region (canonical), empty when none was stored.</param>
    public async Task<bool> RecordAsync(V1.BulkUploadItem item, V1.BulkUploadResult result, IssueCode? rejection, string region, long started)
    {
        var status = rejection is { } code ? IssueCodeMap.ToGrpc(code) : StatusCode.OK;
        var persons = string.IsNullOrEmpty(result.HubId) ? [] : new[] { new TouchedPerson(result.HubId, region) };
        var accepted = result.Status is V1.ItemStatus.Accepted or V1.ItemStatus.Duplicate;
        var entry = new ExchangeEntry(
            time.GetUtcNow(), ExchangeOperations.Grpc, ExchangeOperations.BulkUploadItem, ExchangeKind.Write, call.Caller, persons, item.ClientMessageId.Trim(),
            ExchangeOperations.OutcomeOf(status), ExchangeOperations.StatusName(status), new ItemCounts(1, accepted ? 1 : 0, accepted ? 0 : 1),
            (long)time.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            await recorder.RecordAsync(entry, CancellationToken.None);
            return true;
        }
        catch (ExchangeLogUnavailableException)
        {
            return false;
        }
    }
}
