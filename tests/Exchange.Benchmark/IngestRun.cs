using System.Diagnostics;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;

namespace Exchange.Benchmark;

/// <summary>
/// Streams pre-built items over K concurrent BulkUpload calls (the items split evenly), each call writing its items
/// while its results are read concurrently. Every item must come back ACCEPTED.
/// </summary>
internal static class IngestRun
{
    /// <param name="clinic">The uploading clinic; by default one serving every synthetic unit.</param>
    public static async Task<IngestResult> RunAsync(HubProcess hub, BulkUploadItem[] items, int streams, SystemDefinition? clinic = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(items);
        var client = new ClinicRecords.ClinicRecordsClient(await hub.CallerAsync(clinic ?? HubProcess.ClinicDefinition(Program.SystemId)));
        var cpuStart = CpuSnapshot.Take(hub.ProcessId);
        var clock = Stopwatch.StartNew();
        var tallies = await Task.WhenAll(Enumerable.Range(0, streams).Select(stream =>
            Task.Run(() => StreamAsync(client, items.AsMemory(Slice(items.Length, streams, stream))))));
        var elapsed = clock.Elapsed;
        var cpu = CpuSnapshot.Take(hub.ProcessId).Since(cpuStart);

        var total = Tally.Sum(tallies);
        if (total.Rejected > 0 || total.Duplicates > 0 || total.Accepted != items.Length)
        {
            throw new BenchmarkException(
                $"Ingest: {total.Accepted} accepted, {total.Duplicates} duplicate, {total.Rejected} rejected of {items.Length} items; "
                + $"every item must be accepted. First rejection: {total.FirstRejection ?? "none"}");
        }

        return new IngestResult(items.Length, total.Doses, elapsed.TotalSeconds, items.Length / elapsed.TotalSeconds, total.Doses / elapsed.TotalSeconds, cpu);
    }

    private static Range Slice(int count, int parts, int part) => new(count * part / parts, count * (part + 1) / parts);

    private static async Task<Tally> StreamAsync(ClinicRecords.ClinicRecordsClient client, ReadOnlyMemory<BulkUploadItem> items)
    {
        using var call = client.BulkUpload();
        var reading = Task.Run(() => ReadAsync(call.ResponseStream));
        for (var i = 0; i < items.Length; i++)
        {
            await call.RequestStream.WriteAsync(items.Span[i]);
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    private static async Task<Tally> ReadAsync(IAsyncStreamReader<BulkUploadResult> results)
    {
        var tally = new Tally();
        await foreach (var result in results.ReadAllAsync())
        {
            switch (result.Status)
            {
                case ItemStatus.Accepted:
                    tally.Accepted++;
                    tally.Doses += result.VaccinationsRecorded;
                    break;
                case ItemStatus.Duplicate:
                    tally.Duplicates++;
                    break;
                default:
                    tally.Rejected++;
                    // Reason and field paths only: descriptions could quote the (synthetic) personal data.
                    tally.FirstRejection ??= $"item {result.Sequence}: {result.Reason} (fields: {string.Join(", ", result.Violations.Select(v => v.Field))})";
                    break;
            }
        }

        return tally;
    }

    private sealed class Tally
    {
        public long Accepted { get; set; }

        public long Duplicates { get; set; }

        public long Rejected { get; set; }

        public long Doses { get; set; }

        public string? FirstRejection { get; set; }

        public static Tally Sum(IEnumerable<Tally> tallies)
        {
            var sum = new Tally();
            foreach (var tally in tallies)
            {
                sum.Accepted += tally.Accepted;
                sum.Duplicates += tally.Duplicates;
                sum.Rejected += tally.Rejected;
                sum.Doses += tally.Doses;
                sum.FirstRejection ??= tally.FirstRejection;
            }

            return sum;
        }
    }
}

/// <summary>Children and doses stored, wall time, rates, and the CPU each party used meanwhile.</summary>
internal sealed record IngestResult(int Children, long Doses, double Seconds, double ChildrenPerSecond, double DosesPerSecond, CpuUsage Cpu);
