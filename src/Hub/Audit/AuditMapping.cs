using System.Globalization;
using Exchange.Hub.Errors;
using Exchange.Silo.Audit;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Audit;

/// <summary>Auditor API messages to exchange-log types and back.</summary>
internal static class AuditMapping
{
    public static ExchangeLogFilter ToFilter(this V1.EntryFilter? filter)
    {
        if (filter is null)
        {
            return new ExchangeLogFilter();
        }

        if (filter.From is not null && filter.To is not null && filter.From.ToDateTimeOffset() >= filter.To.ToDateTimeOffset())
        {
            throw RpcErrors.Invalid("filter.to", "to must be later than from");
        }

        if (filter.Kinds.Any(kind => kind == V1.ExchangeKind.Unspecified || !System.Enum.IsDefined(kind)))
        {
            throw RpcErrors.Invalid("filter.kinds", "name kinds other than EXCHANGE_KIND_UNSPECIFIED");
        }

        return new ExchangeLogFilter
        {
            From = filter.From?.ToDateTimeOffset(),
            To = filter.To?.ToDateTimeOffset(),
            CallerSystem = filter.CallerSystem.Trim(),
            CallerUnit = filter.CallerUnit.Trim(),
            CallerRegion = filter.CallerRegion.Trim(),
            PersonHubId = filter.PersonHubId.Trim().ToLowerInvariant(),
            PersonRegion = filter.PersonRegion.Trim(),
            CrossRegionOnly = filter.CrossRegionOnly,
            Operations = [.. filter.Operations.Select(operation => operation.Trim()).Where(operation => operation.Length > 0)],
            Kinds = [.. filter.Kinds.Select(kind => (ExchangeKind)((int)kind - 1))],
            Outcome = filter.Outcome == V1.ExchangeOutcome.Unspecified ? null : (ExchangeOutcome)(int)filter.Outcome,
        };
    }

    public static CountDimension ToDimension(this V1.CountDimension dimension) => dimension switch
    {
        V1.CountDimension.CallerRegion => CountDimension.CallerRegion,
        V1.CountDimension.CallerSystem => CountDimension.CallerSystem,
        V1.CountDimension.Operation => CountDimension.Operation,
        V1.CountDimension.Kind => CountDimension.Kind,
        V1.CountDimension.Outcome => CountDimension.Outcome,
        _ => throw RpcErrors.Invalid("group_by", "name the dimension to count by (region, system, operation, kind or outcome)"),
    };

    public static V1.LogEntry ToProto(this LoggedEntry logged)
    {
        var entry = logged.Entry;
        var proto = new V1.LogEntry
        {
            ChainId = logged.ChainId,
            Sequence = logged.Sequence,
            RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
            Protocol = entry.Protocol,
            Operation = entry.Operation,
            Kind = (V1.ExchangeKind)((int)entry.Kind + 1),
            CallerSystem = entry.Caller.System,
            CallerUnit = entry.Caller.Unit,
            CallerRegion = entry.Caller.Region,
            ClientMessageId = entry.ClientMessageId,
            Outcome = (V1.ExchangeOutcome)(int)entry.Outcome,
            StatusCode = entry.StatusCode,
            ItemCount = entry.Counts.Items,
            AcceptedCount = entry.Counts.Accepted,
            RejectedCount = entry.Counts.Rejected,
            LatencyMs = entry.LatencyMs,
            PreviousHash = ByteString.CopyFrom(logged.PreviousHash),
            Hash = ByteString.CopyFrom(logged.Hash),
        };
        proto.Persons.AddRange(entry.Persons.Select(person => new V1.TouchedPerson { HubId = person.HubId, Region = person.Region }));
        return proto;
    }

    public static V1.DayCount ToProto(this DayCount count) => new()
    {
        Day = count.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Value = count.Value,
        Entries = count.Entries,
    };

    public static V1.VerifyLogResponse ToProto(this VerificationResult result)
    {
        var response = new V1.VerifyLogResponse
        {
            Intact = result.Intact,
            VerifiedAt = Timestamp.FromDateTimeOffset(result.VerifiedAt),
            EntriesChecked = result.EntriesChecked,
            CheckpointsChecked = result.CheckpointsChecked,
            FirstProblem = result.FirstProblem?.ToProto(),
        };
        response.Chains.AddRange(result.Chains.Select(chain => new V1.ChainReport
        {
            ChainId = chain.ChainId,
            FirstSequence = chain.FirstSequence,
            LastSequence = chain.LastSequence,
            Entries = chain.Entries,
            Checkpoints = chain.Checkpoints,
            LatestCheckpointSequence = chain.LatestCheckpoint?.Sequence ?? 0,
            LatestCheckpointHash = ByteString.CopyFrom(chain.LatestCheckpoint?.Hash ?? []),
            LatestCheckpointKeyId = chain.LatestCheckpoint?.KeyId ?? string.Empty,
            Problem = chain.Problem?.ToProto(),
        }));
        return response;
    }

    private static V1.TamperFinding ToProto(this Tamper tamper) => new()
    {
        ChainId = tamper.ChainId,
        Sequence = tamper.Sequence,
        Kind = (V1.TamperKind)(int)tamper.Kind,
        Detail = tamper.Detail,
    };
}
