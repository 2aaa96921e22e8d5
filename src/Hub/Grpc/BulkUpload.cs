using System.Threading.Channels;
using Exchange.Adapters.Results;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Quarantine;
using Exchange.Silo.Registry;
using Exchange.Silo.Audit;
using Exchange.Silo.Records;
using Grpc.Core;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>
/// One bulk-upload stream: items are registered concurrently (bounded), and each gets its own result, so a bad item
/// is rejected alone. Results are written by one writer, as gRPC stream writers allow one write at a time.
/// Each item is logged in the exchange log before its result is sent, so no acknowledged item is missing there.
/// </summary>
internal sealed class BulkUpload(PersonDirectory directory, Caller caller, QuarantineGate quarantine, TimeProvider time, ILogger logger, BulkItemLog itemLog) : IDisposable
{
    private const int MaxItemsInFlight = 32;

    private readonly Channel<V1.BulkUploadResult> _results = Channel.CreateBounded<V1.BulkUploadResult>(MaxItemsInFlight * 2);
    private readonly SemaphoreSlim _slots = new(MaxItemsInFlight);
    private long _accepted;
    private long _duplicates;
    private long _rejected;

    public async Task RunAsync(IAsyncStreamReader<V1.BulkUploadItem> items, IServerStreamWriter<V1.BulkUploadResult> results, CancellationToken cancellationToken)
    {
        var writer = WriteResultsAsync(results, cancellationToken);
        var pending = new List<Task>();
        try
        {
            long sequence = 0;
            await foreach (var item in items.ReadAllAsync(cancellationToken))
            {
                await _slots.WaitAsync(cancellationToken);
                pending.Add(ProcessAsync(sequence++, item));
                pending.RemoveAll(task => task.IsCompleted);
            }

            await Task.WhenAll(pending);
        }
        finally
        {
            _results.Writer.TryComplete();
            await writer;
        }

        HubLog.BulkUploadEnded(logger, caller.SystemId, _accepted, _duplicates, _rejected);
    }

    /// <summary>Items, accepted (new or duplicate) and rejected so far.</summary>
    public ItemCounts Tally => new((int)(_accepted + _duplicates + _rejected), (int)(_accepted + _duplicates), (int)_rejected);

    private async Task ProcessAsync(long sequence, V1.BulkUploadItem item)
    {
        var started = time.GetTimestamp();
        V1.BulkUploadResult result;
        IssueCode? rejection;
        var region = string.Empty;
        try
        {
            (result, rejection, region) = await RegisterAsync(sequence, item);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The item's outcome is unknown (e.g. storage outage): say so, and let the client retry it with the same id.
            (result, rejection) = (Rejected(sequence, item, string.Empty, [new Issue(IssueCode.Transient, string.Empty, "not stored because storage is unavailable; retry with the same client_message_id")]), IssueCode.Transient);
        }
        finally
        {
            _slots.Release();
        }

        if (!await itemLog.RecordAsync(item, result, rejection, region, started))
        {
            result = Rejected(sequence, item, result.HubId, [NotLogged]);
        }

        Count(result.Status);
        await _results.Writer.WriteAsync(result);
    }

    private static readonly Issue NotLogged = new(IssueCode.Transient, string.Empty, "not recorded in the exchange log; retry with the same client_message_id");

    /// <returns>The item's result, why it was refused (null when accepted) and the child's residence region for the log.</returns>
    private async Task<(V1.BulkUploadResult Result, IssueCode? Rejection, string Region)> RegisterAsync(long sequence, V1.BulkUploadItem item)
    {
        var codes = await quarantine.CodesForAsync(caller);
        var command = CommandFactory.Register(caller, item.ClientMessageId, item.Child, item.Vaccinations, time.GetUtcNow(), codes);
        if (!command.Succeeded)
        {
            var receipt = await quarantine.HoldAsync(caller, QuarantineOperations.BulkUploadItem, item, item.ClientMessageId, command.Issues, CancellationToken.None);
            var rejected = Rejected(sequence, item, string.Empty, command.Issues);
            rejected.QuarantineId = receipt?.Id ?? string.Empty;
            return (rejected, command.Issues[0].Code, string.Empty);
        }

        var outcome = await directory.RegisterAsync(command.Value with { ReleaseAfterWrite = true });
        return outcome.Succeeded
            ? (Accepted(sequence, item, outcome), null, outcome.ResidenceRegion)
            : (Rejected(sequence, item, outcome.HubId, outcome.Issues), outcome.Issues[0].Code, outcome.ResidenceRegion);
    }

    private static V1.BulkUploadResult Accepted(long sequence, V1.BulkUploadItem item, PersonWriteOutcome outcome)
    {
        var recorded = outcome.Doses.Count(dose => dose.Kind == DoseOutcomeKind.Recorded);
        var merged = outcome.Doses.Count(dose => dose.Kind == DoseOutcomeKind.Merged);
        var isNew = !outcome.Replayed && (outcome.Created || recorded + merged > 0);
        return new V1.BulkUploadResult
        {
            Sequence = sequence,
            ClientMessageId = item.ClientMessageId,
            Status = isNew ? V1.ItemStatus.Accepted : V1.ItemStatus.Duplicate,
            HubId = outcome.HubId,
            VaccinationsRecorded = outcome.Replayed ? 0 : recorded,
            VaccinationsMerged = outcome.Replayed ? 0 : merged,
        };
    }

    private static V1.BulkUploadResult Rejected(long sequence, V1.BulkUploadItem item, string hubId, IReadOnlyList<Issue> issues)
    {
        var result = new V1.BulkUploadResult
        {
            Sequence = sequence,
            ClientMessageId = item.ClientMessageId,
            Status = V1.ItemStatus.Rejected,
            HubId = hubId,
            Reason = issues[0].Message,
        };
        result.Violations.AddRange(issues.Select(issue => new V1.FieldViolation { Field = issue.Field, Description = issue.Message }));
        return result;
    }

    private void Count(V1.ItemStatus status)
    {
        switch (status)
        {
            case V1.ItemStatus.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case V1.ItemStatus.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            default:
                Interlocked.Increment(ref _rejected);
                break;
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task WriteResultsAsync(IServerStreamWriter<V1.BulkUploadResult> results, CancellationToken cancellationToken)
    {
        await foreach (var result in _results.Reader.ReadAllAsync(cancellationToken))
        {
            await results.WriteAsync(result, cancellationToken);
        }
    }
}
