using Exchange.Hub.Access;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Silo.Audit;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Audit;

/// <summary>The auditor API over the exchange log: a translator onto <see cref="ExchangeLogReader"/> and friends.</summary>
[Authorize(Policy = AccessPolicies.Audit)]
internal sealed class AuditorService(
    ExchangeLogReader reader, ExchangeLogVerifier verifier, ExchangeLogPruner pruner, AuditOptions options, ICallerResolver callers, TimeProvider time)
    : V1.ExchangeAudit.ExchangeAuditBase
{
    public override async Task<V1.QueryEntriesResponse> QueryEntries(V1.QueryEntriesRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        ExchangeLogPage page;
        try
        {
            page = await reader.QueryAsync(request.Filter.ToFilter(), request.PageSize, request.PageToken, context.CancellationToken);
        }
        catch (FormatException exception)
        {
            throw RpcErrors.Invalid("page_token", exception.Message);
        }

        var response = new V1.QueryEntriesResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        response.Entries.AddRange(page.Entries.Select(entry => entry.ToProto()));
        context.Exchange().Counted(page.Entries.Count);
        return response;
    }

    public override async Task<V1.CountPerDayResponse> CountPerDay(V1.CountPerDayRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var counts = await reader.CountPerDayAsync(request.Filter.ToFilter(), request.GroupBy.ToDimension(), context.CancellationToken);
        var response = new V1.CountPerDayResponse();
        response.Counts.AddRange(counts.Select(count => count.ToProto()));
        return response;
    }

    public override async Task ExportEntries(V1.ExportEntriesRequest request, IServerStreamWriter<V1.LogEntry> responseStream, ServerCallContext context)
    {
        callers.Resolve(context);
        var exported = 0;
        await foreach (var entry in reader.ExportAsync(request.Filter.ToFilter(), context.CancellationToken))
        {
            await responseStream.WriteAsync(entry.ToProto(), context.CancellationToken);
            context.Exchange().Counted(++exported);
        }
    }

    public override async Task<V1.VerifyLogResponse> VerifyLog(V1.VerifyLogRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var result = await verifier.VerifyAsync(TimeSpan.FromDays(options.RetentionDays), context.CancellationToken);
        return result.ToProto();
    }

    public override async Task<V1.PruneLogResponse> PruneLog(V1.PruneLogRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var removed = await pruner.PruneAsync(time.GetUtcNow().AddDays(-options.RetentionDays), context.CancellationToken);
        return new V1.PruneLogResponse { EntriesRemoved = removed, RetentionDays = options.RetentionDays };
    }
}
