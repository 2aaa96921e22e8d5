using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;
using Exchange.Hub.Callers;
using Exchange.Hub.Grpc;
using Exchange.Silo.Records;
using Exchange.Silo.Registry;
using Grpc.Core;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Quarantine;

/// <summary>Replays a quarantined RegisterChild request.</summary>
internal sealed class RegisterChildReplay(PersonDirectory directory, TimeProvider time) : IQuarantineReplay
{
    public string Operation => QuarantineOperations.RegisterChild;

    public Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken)
    {
        var request = V1.RegisterChildRequest.Parser.ParseFrom(payload);
        return ClinicReplay.RegisterAsync(directory, caller, request.ClientMessageId, request.Child, request.Vaccinations, time, codes);
    }
}

/// <summary>Replays one quarantined BulkUpload item.</summary>
internal sealed class BulkUploadItemReplay(PersonDirectory directory, TimeProvider time) : IQuarantineReplay
{
    public string Operation => QuarantineOperations.BulkUploadItem;

    public Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken)
    {
        var item = V1.BulkUploadItem.Parser.ParseFrom(payload);
        return ClinicReplay.RegisterAsync(directory, caller, item.ClientMessageId, item.Child, item.Vaccinations, time, codes);
    }
}

/// <summary>Replays a quarantined RecordVaccinations request.</summary>
internal sealed class RecordVaccinationsReplay(PersonDirectory directory, TimeProvider time) : IQuarantineReplay
{
    public string Operation => QuarantineOperations.RecordVaccinations;

    public async Task<ReplayOutcome> ReplayAsync(string quarantineId, Caller caller, byte[] payload, ICodeTranslator codes, CancellationToken cancellationToken)
    {
        var request = V1.RecordVaccinationsRequest.Parser.ParseFrom(payload);
        var command = CommandFactory.Record(caller, request, time.GetUtcNow(), codes);
        if (!command.Succeeded)
        {
            return ReplayOutcome.Refused(command.Issues);
        }

        return await ClinicReplay.GuardAsync(async () =>
        {
            var hubId = await directory.ResolveChildAsync(request.Child, "child");
            return ClinicReplay.Outcome(await directory.Person(hubId).RecordDosesAsync(command.Value));
        });
    }
}

/// <summary>The steps the clinic API takes after normalization, shared by the replays.</summary>
internal static class ClinicReplay
{
    public static async Task<ReplayOutcome> RegisterAsync(
        PersonDirectory directory, Caller caller, string clientMessageId, V1.Person? child,
        Google.Protobuf.Collections.RepeatedField<V1.Vaccination> vaccinations, TimeProvider time, ICodeTranslator codes)
    {
        var command = CommandFactory.Register(caller, clientMessageId, child, vaccinations, time.GetUtcNow(), codes);
        if (!command.Succeeded)
        {
            return ReplayOutcome.Refused(command.Issues);
        }

        return await GuardAsync(async () => Outcome(await directory.RegisterAsync(command.Value)));
    }

    public static ReplayOutcome Outcome(PersonWriteOutcome outcome) =>
        outcome.Succeeded ? new ReplayOutcome(outcome.HubId, []) : ReplayOutcome.Refused(outcome.Issues);

    /// <summary>Turns the edge's refusals (unknown child, bad reference) into issues; other failures propagate.</summary>
    public static async Task<ReplayOutcome> GuardAsync(Func<Task<ReplayOutcome>> replay)
    {
        try
        {
            return await replay();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            var code = exception.StatusCode == StatusCode.NotFound ? IssueCode.NotFound : IssueCode.Invalid;
            return ReplayOutcome.Refused([new Issue(code, "child", exception.Status.Detail)]);
        }
    }
}
