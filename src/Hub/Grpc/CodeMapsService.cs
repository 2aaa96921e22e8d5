using Exchange.Adapters.Normalization;
using Exchange.Hub.Access;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Hub.Grpc.Mapping;
using Exchange.Hub.Quarantine;
using Exchange.Silo.CodeMaps;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>The code-map admin API: publish, read and list the versions of a source's code map.</summary>
[Authorize(Policy = AccessPolicies.Administration)]
internal sealed class CodeMapsService(IGrainFactory grains, CodeMapCache cache, ICallerResolver callers, TimeProvider time, ILogger<CodeMapsService> logger)
    : V1.CodeMaps.CodeMapsBase
{
    private const int MaxSourceSystemLength = 64;

    public override async Task<V1.PublishVersionResponse> PublishVersion(V1.PublishVersionRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var source = SourceSystem(request.SourceSystem);
        int? expected = request.ExpectedCurrentVersion > 0 || request.ExpectNoMap ? request.ExpectedCurrentVersion : null;
        var command = new PublishCodeMapCommand(
            caller.SystemId, [.. request.Entries.Select(entry => entry.ToModel())], TextCleaner.Clean(request.Comment), expected, time.GetUtcNow());
        var outcome = await grains.GetGrain<ICodeMapGrain>(source).PublishAsync(command);
        if (outcome.Published is not { } published)
        {
            throw RpcErrors.FromIssues(outcome.Issues);
        }

        cache.Published(published);
        QuarantineLog.Published(logger, published.Label, published.Entries.Count);
        return new V1.PublishVersionResponse { Version = published.ToProto(current: true) };
    }

    public override async Task<V1.GetVersionResponse> GetVersion(V1.GetVersionRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var grain = grains.GetGrain<ICodeMapGrain>(SourceSystem(request.SourceSystem));
        if (request.Version < 0)
        {
            throw RpcErrors.Invalid("version", "a version number is 1 or more; 0 means the current version");
        }

        var current = await grain.GetCurrentAsync();
        var map = request.Version == 0 ? current : await grain.GetVersionAsync(request.Version);
        if (map is null)
        {
            throw RpcErrors.NotFound(request.Version == 0 ? "the source has no code map" : $"the source's code map has no version {request.Version}");
        }

        return new V1.GetVersionResponse { Version = map.ToProto(current: map.Version == current?.Version) };
    }

    public override async Task<V1.ListVersionsResponse> ListVersions(V1.ListVersionsRequest request, ServerCallContext context)
    {
        callers.Resolve(context);
        var versions = await grains.GetGrain<ICodeMapGrain>(SourceSystem(request.SourceSystem)).ListVersionsAsync();
        var response = new V1.ListVersionsResponse();
        response.Versions.AddRange(versions.Select(summary => summary.ToProto()));
        return response;
    }

    private static string SourceSystem(string sourceSystem)
    {
        var trimmed = sourceSystem.Trim();
        return trimmed.Length is > 0 and <= MaxSourceSystemLength
            ? trimmed
            : throw RpcErrors.Invalid("source_system", $"the source system id is required, at most {MaxSourceSystemLength} characters");
    }
}
