using System.Globalization;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Access;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Hub.Quarantine;
using Exchange.Silo.Quarantine;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>The quarantine admin API: list, read, resubmit and discard inputs that could not be normalized.</summary>
[Authorize(Policy = AccessPolicies.Administration)]
internal sealed class QuarantineService(IQuarantineStore store, QuarantineResubmitter resubmitter, ICallerResolver callers, TimeProvider time)
    : V1.Quarantine.QuarantineBase
{
    private const int MaxPageSize = 100;
    private const int MaxIdsPerCall = 100;

    public override async Task<V1.ListQuarantinedResponse> ListQuarantined(V1.ListQuarantinedRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        long? before = null;
        if (request.PageToken.Length > 0)
        {
            before = long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var token)
                ? token
                : throw RpcErrors.Invalid("page_token", "not a page token returned by this call");
        }

        var query = new QuarantineQuery(
            Blank(request.SourceSystem),
            Blank(request.ReasonCode),
            request.Status.ToModel(),
            request.PageSize is > 0 and <= MaxPageSize ? request.PageSize : MaxPageSize,
            before);
        var page = await store.ListAsync(query, context.CancellationToken);
        var response = new V1.ListQuarantinedResponse { NextPageToken = page.Next?.ToString(CultureInfo.InvariantCulture) ?? string.Empty };
        response.Items.AddRange(page.Items.Select(item => item.ToProto()));
        return response;
    }

    public override async Task<V1.GetQuarantinedResponse> GetQuarantined(V1.GetQuarantinedRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var item = await store.GetAsync(Id(request.Id, "id"), context.CancellationToken) ?? throw RpcErrors.NotFound("no quarantined item has this id");
        var payload = await store.GetPayloadAsync(item.Id, context.CancellationToken) ?? [];
        return new V1.GetQuarantinedResponse { Item = item.ToProto(), Payload = ByteString.CopyFrom(payload), ContentType = item.ContentType };
    }

    public override async Task<V1.ResubmitResponse> Resubmit(V1.ResubmitRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var ids = Ids(request.Ids);
        var response = new V1.ResubmitResponse();
        foreach (var id in ids)
        {
            var outcome = await resubmitter.ResubmitAsync(id, caller, context.CancellationToken)
                ?? throw RpcErrors.NotFound($"no quarantined item has the id {id}");
            var result = new V1.ResubmitResult
            {
                Id = id,
                Status = outcome.Item.Status.ToProto(),
                Resolution = outcome.Item.Resolution?.ToProto(),
                Replayed = outcome.Replayed,
            };
            var reasons = outcome.Issues.Count > 0 ? outcome.Issues : outcome.Item.Status == QuarantineStatus.Held ? outcome.Item.Issues : [];
            result.Reasons.AddRange(reasons.Select(issue => new V1.QuarantineReason { Code = issue.ReasonOrDefault, Field = issue.Field, Message = issue.Message }));
            response.Results.Add(result);
        }

        return response;
    }

    public override async Task<V1.DiscardResponse> Discard(V1.DiscardRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var ids = Ids(request.Ids);
        var reason = TextCleaner.Clean(request.Reason) ?? throw RpcErrors.Invalid("reason", "say why the items are discarded");
        var response = new V1.DiscardResponse();
        foreach (var id in ids)
        {
            var item = await store.GetAsync(id, context.CancellationToken) ?? throw RpcErrors.NotFound($"no quarantined item has the id {id}");
            if (item.Status == QuarantineStatus.ResubmittedAccepted)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{id} was resubmitted and accepted; it cannot be discarded"));
            }

            await store.DiscardAsync(id, reason, time.GetUtcNow(), context.CancellationToken);
            response.Items.Add((await store.GetAsync(id, context.CancellationToken))!.ToProto());
        }

        return response;
    }

    private static List<string> Ids(Google.Protobuf.Collections.RepeatedField<string> ids)
    {
        if (ids.Count is 0 or > MaxIdsPerCall)
        {
            throw RpcErrors.Invalid("ids", $"name 1 to {MaxIdsPerCall} quarantine ids");
        }

        return [.. ids.Select((id, i) => Id(id, $"ids[{i}]"))];
    }

    private static string Id(string id, string field)
    {
        var trimmed = id.Trim().ToLowerInvariant();
        return trimmed.Length == 34 && trimmed.StartsWith("q-", StringComparison.Ordinal) && trimmed[2..].All(char.IsAsciiHexDigitLower)
            ? trimmed
            : throw RpcErrors.Invalid(field, "a quarantine id is 'q-' and 32 hex digits");
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
