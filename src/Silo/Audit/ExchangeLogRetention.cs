using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Silo.Audit;

/// <summary>Prunes entries past Audit:RetentionDays every Audit:PruneEveryHours (first run an hour after start).</summary>
internal sealed partial class ExchangeLogRetention(ExchangeLogPruner pruner, AuditOptions options, TimeProvider time, ILogger<ExchangeLogRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        var next = time.GetUtcNow().AddHours(1);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (time.GetUtcNow() < next)
            {
                continue;
            }

            next = time.GetUtcNow().AddHours(options.PruneEveryHours);
            try
            {
                var removed = await pruner.PruneAsync(time.GetUtcNow().AddDays(-options.RetentionDays), stoppingToken);
                LogPruned(logger, removed, options.RetentionDays);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPruneFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Exchange log pruned: {Removed} entries older than {RetentionDays} days removed")]
    private static partial void LogPruned(ILogger logger, long removed, int retentionDays);

    [LoggerMessage(EventId = 711, Level = LogLevel.Warning, Message = "Exchange log pruning failed; it runs again later")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
