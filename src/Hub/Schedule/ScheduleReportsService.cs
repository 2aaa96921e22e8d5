using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Silo.Schedule;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Schedule;

/// <summary>Due lists and coverage statistics from the schedule read model; no grain is activated.</summary>
[Authorize(Policy = AccessPolicies.Reports)]
internal sealed class ScheduleReportsService(ScheduleReadModel readModel, ICallerResolver callers, ILogger<ScheduleReportsService> logger)
    : V1.ScheduleReports.ScheduleReportsBase
{
    public override async Task<V1.ListDueResponse> ListDue(V1.ListDueRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var query = ScheduleReportRequests.DueList(request);
        ReportScope.Demand(caller, query.Area, "area_code");

        // One entry more than the page tells whether another page follows.
        var entries = await readModel.ListDueAsync(query with { PageSize = query.PageSize + 1 }, context.CancellationToken);
        var page = entries.Take(query.PageSize).ToList();
        var response = new V1.ListDueResponse
        {
            NextPageToken = entries.Count > query.PageSize ? ScheduleReportRequests.Token(page[^1].Key) : string.Empty,
        };
        response.Doses.AddRange(page.Select(entry => entry.ToProto(query.From)));

        // A due list carries names and phones: each child on the page is a person the exchange touched. The read
        // model does not hold the residence region, so the entries name hub ids only.
        foreach (var entry in page)
        {
            context.Exchange().Touched(entry.HubId);
        }

        context.Exchange().Counted(page.Count);
        ScheduleReportLog.DueListServed(logger, caller.SystemId, query.Area.Code, page.Count);
        return response;
    }

    public override async Task<V1.GetCoverageResponse> GetCoverage(V1.GetCoverageRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var response = new V1.GetCoverageResponse();
        response.Rows.AddRange(await CoverageRowsAsync(caller, request, context.CancellationToken));
        return response;
    }

    public override async Task ExportCoverageCsv(V1.GetCoverageRequest request, IServerStreamWriter<V1.CsvChunk> responseStream, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        foreach (var chunk in CoverageCsv.Chunks(await CoverageRowsAsync(caller, request, context.CancellationToken)))
        {
            await responseStream.WriteAsync(new V1.CsvChunk { Text = chunk }, context.CancellationToken);
        }
    }

    private async Task<IEnumerable<V1.CoverageRow>> CoverageRowsAsync(Caller caller, V1.GetCoverageRequest request, CancellationToken cancellationToken)
    {
        var query = ScheduleReportRequests.Coverage(request);
        ReportScope.Demand(caller, query.Area, "area_code");
        var rows = await readModel.CoverageAsync(query, cancellationToken);
        return ScheduleReportMapping.ToProto(rows, query.Level, request.Residence);
    }
}

/// <summary>Log messages of the report edge: area codes and counts only, never a child's name or phone.</summary>
internal static partial class ScheduleReportLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "{System} listed {Count} due doses for area {Area}")]
    public static partial void DueListServed(ILogger logger, string system, string area, int count);
}
