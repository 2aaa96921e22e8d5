using Exchange.Protos.V1;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

internal static class BulkUploadCalls
{
    /// <summary>Sends the items on one BulkUpload stream, closes it, and returns every result the hub streamed back.</summary>
    public static async Task<List<BulkUploadResult>> UploadAllAsync(this ClinicRecords.ClinicRecordsClient clinic, IEnumerable<BulkUploadItem> items)
    {
        using var call = clinic.BulkUpload();
        foreach (var item in items)
        {
            await call.RequestStream.WriteAsync(item);
        }

        await call.RequestStream.CompleteAsync();
        var results = new List<BulkUploadResult>();
        await foreach (var result in call.ResponseStream.ReadAllAsync())
        {
            results.Add(result);
        }

        return results;
    }
}
