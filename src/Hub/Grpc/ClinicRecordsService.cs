using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Hub.Grpc.Mapping;
using Exchange.Hub.Quarantine;
using Exchange.Silo.Audit;
using Exchange.Silo.Registry;
using Exchange.Silo.Search;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>The clinic API: translates wire messages to grain commands and outcomes back; no record logic here.</summary>
/// <remarks>Clinics and hospitals only; writes are stamped with the caller's unit (<see cref="UnitStamping"/>).</remarks>
internal sealed class ClinicRecordsService(
    PersonDirectory directory,
    IPersonSearch search,
    ICallerResolver callers,
    QuarantineGate quarantine,
    IExchangeRecorder recorder,
    TimeProvider time,
    ILogger<ClinicRecordsService> logger)
    : V1.ClinicRecords.ClinicRecordsBase
{
    private const int MaxSearchResults = 100;

    [Authorize(Policy = AccessPolicies.ClinicalWrite)]
    public override async Task<V1.RegisterChildResponse> RegisterChild(V1.RegisterChildRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        context.Exchange().Message(request.ClientMessageId).Counted(request.Vaccinations.Count);
        var command = await quarantine.NormalizeAsync(
            caller, QuarantineOperations.RegisterChild, request, request.ClientMessageId,
            codes => CommandFactory.Register(caller, request.ClientMessageId, request.Child, request.Vaccinations, time.GetUtcNow(), codes),
            context.CancellationToken);
        var outcome = await directory.RegisterAsync(command);
        context.Exchange().Touched(outcome.HubId, outcome.ResidenceRegion);
        outcome.ThrowIfFailed();
        HubLog.Registered(logger, caller.SystemId, outcome.HubId, outcome.Created, outcome.Doses.Length);
        return outcome.ToRegisterResponse();
    }

    [Authorize(Policy = AccessPolicies.ClinicalWrite)]
    public override Task<V1.RecordVaccinationsResponse> RecordVaccinations(V1.RecordVaccinationsRequest request, ServerCallContext context) =>
        AboutChildAsync(context, request.Child, () => RecordAsync(request, context));

    private async Task<V1.RecordVaccinationsResponse> RecordAsync(V1.RecordVaccinationsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        context.Exchange().Message(request.ClientMessageId).Counted(request.Vaccinations.Count);
        var command = await quarantine.NormalizeAsync(
            caller, QuarantineOperations.RecordVaccinations, request, request.ClientMessageId,
            codes => CommandFactory.Record(caller, request, time.GetUtcNow(), codes),
            context.CancellationToken);
        var hubId = await directory.ResolveChildAsync(request.Child, "child");
        var outcome = await directory.Person(hubId).RecordDosesAsync(command);
        context.Exchange().Touched(hubId, outcome.ResidenceRegion);
        return outcome.ThrowIfFailed().ToRecordResponse();
    }

    [Authorize(Policy = AccessPolicies.ClinicalRead)]
    public override async Task<V1.GetRecordResponse> GetRecord(V1.GetRecordRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var record = await directory.LoadChildAsync(request.Child, "child");
        context.Exchange().Returned([record], 1);
        return new V1.GetRecordResponse { Person = record.ToProto() };
    }

    [Authorize(Policy = AccessPolicies.ClinicalRead)]
    public override async Task<V1.FindChildrenResponse> FindChildren(V1.FindChildrenRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var limit = request.Limit is > 0 and <= MaxSearchResults ? request.Limit : MaxSearchResults;
        var hubIds = await SearchRequests.RunAsync(search, request, limit, ChinaCalendar.Today(time.GetUtcNow()), context.CancellationToken);
        var records = (await Task.WhenAll(hubIds.Select(hubId => directory.GetRecordAsync(hubId)))).OfType<Adapters.Model.PersonRecord>().ToList();
        context.Exchange().Returned(records, records.Count);
        var response = new V1.FindChildrenResponse();
        response.Children.AddRange(records.Select(record => record.ToSummary()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ClinicalWrite)]
    public override Task<V1.TransferChildResponse> TransferChild(V1.TransferChildRequest request, ServerCallContext context) =>
        AboutChildAsync(context, request.Child, () => TransferAsync(request, context));

    private async Task<V1.TransferChildResponse> TransferAsync(V1.TransferChildRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        context.Exchange().Message(request.ClientMessageId);
        var command = CommandFactory.Transfer(caller, request, time.GetUtcNow()).ValueOrThrow();
        var hubId = await directory.ResolveChildAsync(request.Child, "child");
        var outcome = await directory.Person(hubId).TransferAsync(command);
        context.Exchange().Touched(hubId, outcome.Person?.Demographics.ResidenceRegion);
        if (outcome.Issues.Length > 0)
        {
            throw RpcErrors.FromIssues(outcome.Issues);
        }

        return new V1.TransferChildResponse { Person = outcome.Person!.ToProto() };
    }

    [Authorize(Policy = AccessPolicies.ClinicalRead)]
    public override Task<V1.GetForecastResponse> GetForecast(V1.GetForecastRequest request, ServerCallContext context) =>
        AboutChildAsync(context, request.Child, () => ForecastAsync(request, context));

    private async Task<V1.GetForecastResponse> ForecastAsync(V1.GetForecastRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var assessedOn = ForecastRequests.AssessmentDate(request.AssessmentDate, ChinaCalendar.Today(time.GetUtcNow()));
        var record = await directory.LoadChildAsync(request.Child, "child");
        context.Exchange().Returned([record], 1);
        var assessment = ScheduleLibrary.Embedded.Assess(ScheduleSubject.From(record), assessedOn);
        return assessment.ValueOrThrow().ToProto(record.HubId);
    }

    /// <summary>
    /// Runs a call about one existing child. When it is rejected before it reached the record (bad doses, a bad
    /// transfer, a bad date), the exchange log still names the child, so an auditor sees what was aimed at whom.
    /// An unknown child (NOT_FOUND) is no person to name.
    /// </summary>
    private async Task<T> AboutChildAsync<T>(ServerCallContext context, V1.ChildReference? child, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException rejected) when (rejected.StatusCode is not (StatusCode.NotFound or StatusCode.Unavailable or StatusCode.Cancelled))
        {
            if (await directory.TryResolveChildAsync(child) is { } hubId)
            {
                context.Exchange().Touched(hubId);
            }

            throw;
        }
    }

    [Authorize(Policy = AccessPolicies.ClinicalWrite)]
    public override async Task BulkUpload(
        IAsyncStreamReader<V1.BulkUploadItem> requestStream, IServerStreamWriter<V1.BulkUploadResult> responseStream, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        using var upload = new BulkUpload(directory, caller, quarantine, time, logger, new BulkItemLog(recorder, context.Exchange(), time));
        try
        {
            await upload.RunAsync(requestStream, responseStream, context.CancellationToken);
        }
        finally
        {
            context.Exchange().Counted(upload.Tally.Items, upload.Tally.Accepted, upload.Tally.Rejected);
        }
    }
}
