using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Silo.Audit;

/// <summary>
/// Appends this node's entries to its chain with group commit: one loop takes whatever entries are waiting, chains
/// them, and writes them in one transaction; each caller's task completes once its entry is committed. Entries that
/// fail to commit fail their callers (so the exchange is not acknowledged) and the chain resumes from the database.
/// </summary>
public sealed partial class ExchangeLogWriter(
    ExchangeLogStore store, CheckpointSigner signer, string chainId, AuditOptions options, TimeProvider time, ILogger<ExchangeLogWriter> logger)
    : IExchangeRecorder, IHostedService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;
    private Task<bool>? _waiting;
    private ChainHead? _head;

    public string ChainId => chainId;

    public Task RecordAsync(ExchangeEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry with { RecordedAt = Time.Truncate(entry.RecordedAt) }, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ExchangeLogUnavailableException("The exchange log is shut down; the exchange cannot be recorded.");
        }

        return pending.Done.Task;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.RegisterKeyAsync(signer.KeyId, signer.PublicKey, time.GetUtcNow(), cancellationToken);
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Writes what is queued, and a final checkpoint, before the node stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(options.MaxBatch);
        while (true)
        {
            var hasWork = await WaitForWorkAsync(reader);
            if (!hasWork && reader.Completion.IsCompleted)
            {
                await TryCheckpointAsync(force: true);
                return;
            }

            batch.Clear();
            while (batch.Count < options.MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                await TryCheckpointAsync(force: false);
                continue;
            }

            await WriteBatchAsync(batch);
        }
    }

    /// <summary>True when entries are waiting; false when the checkpoint interval passed first or the queue closed.</summary>
    private async Task<bool> WaitForWorkAsync(ChannelReader<Pending> reader)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        // One wait stays outstanding across timeouts: the channel has a single reader.
        _waiting ??= reader.WaitToReadAsync().AsTask();
        using var interval = new CancellationTokenSource();
        var timeout = Task.Delay(TimeSpan.FromSeconds(options.CheckpointSeconds), time, interval.Token);
        var first = await Task.WhenAny(_waiting, timeout);
        await interval.CancelAsync();
        if (first != _waiting)
        {
            return false;
        }

        var hasWork = await _waiting;
        _waiting = null;
        return hasWork;
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var head = _head ??= await LoadHeadAsync();
            var entries = new List<LoggedEntry>(batch.Count);
            var checkpoints = new List<Checkpoint>();
            var (sequence, previous, checkpointed, checkpointAt) = (head.Sequence, head.Hash, head.CheckpointSequence, head.CheckpointAt);
            var now = time.GetUtcNow();
            foreach (var pending in batch)
            {
                var hash = EntryHasher.Hash(previous, pending.Entry);
                entries.Add(new LoggedEntry(chainId, ++sequence, pending.Entry, previous, hash));
                previous = hash;
                if (sequence - checkpointed >= options.CheckpointEvery)
                {
                    checkpoints.Add(signer.Sign(chainId, sequence, hash, now));
                    (checkpointed, checkpointAt) = (sequence, now);
                }
            }

            await store.AppendAsync(entries, checkpoints, CancellationToken.None);
            _head = new ChainHead(sequence, previous, checkpointed, checkpointAt);
            batch.ForEach(pending => pending.Done.TrySetResult());
        }
        catch (Exception exception)
        {
            LogWriteFailed(logger, chainId, batch.Count, exception);
            _head = null;
            var failure = new ExchangeLogUnavailableException("The exchange could not be recorded in the exchange log.", exception);
            batch.ForEach(pending => pending.Done.TrySetException(failure));
        }
    }

    private async Task TryCheckpointAsync(bool force)
    {
        try
        {
            var head = _head ??= await LoadHeadAsync();
            var now = time.GetUtcNow();
            var intervalPassed = now - head.CheckpointAt >= TimeSpan.FromSeconds(options.CheckpointSeconds);
            if (head.Sequence > head.CheckpointSequence && (force || intervalPassed))
            {
                await store.AppendCheckpointAsync(signer.Sign(chainId, head.Sequence, head.Hash, now), CancellationToken.None);
                _head = head with { CheckpointSequence = head.Sequence, CheckpointAt = now };
            }
        }
        catch (Exception exception)
        {
            LogCheckpointFailed(logger, chainId, exception);
            _head = null;
        }
    }

    private async Task<ChainHead> LoadHeadAsync()
    {
        var (sequence, hash, checkpointSequence) = await store.ChainHeadAsync(chainId, CancellationToken.None);
        LogChainResumed(logger, chainId, sequence);
        return new ChainHead(sequence, hash, checkpointSequence, time.GetUtcNow());
    }

    private sealed record Pending(ExchangeEntry Entry, TaskCompletionSource Done);

    private sealed record ChainHead(long Sequence, byte[] Hash, long CheckpointSequence, DateTimeOffset CheckpointAt);

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Exchange log chain {ChainId} continues after entry {Sequence}")]
    private static partial void LogChainResumed(ILogger logger, string chainId, long sequence);

    [LoggerMessage(EventId = 701, Level = LogLevel.Error, Message = "Exchange log chain {ChainId}: {Count} entries could not be written; their exchanges fail")]
    private static partial void LogWriteFailed(ILogger logger, string chainId, int count, Exception exception);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Exchange log chain {ChainId}: checkpoint could not be written")]
    private static partial void LogCheckpointFailed(ILogger logger, string chainId, Exception exception);
}

/// <summary>The exchange log could not make an entry durable, so the exchange must not be acknowledged.</summary>
public sealed class ExchangeLogUnavailableException : Exception
{
    public ExchangeLogUnavailableException()
    {
    }

    public ExchangeLogUnavailableException(string message)
        : base(message)
    {
    }

    public ExchangeLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
