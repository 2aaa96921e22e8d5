using System.Globalization;
using Exchange.Adapters.Results;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Silo.Access;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Access;

/// <summary>The administrators' API over the access registry: systems, API keys and client certificates.</summary>
[Authorize(Policy = AccessPolicies.Administration)]
internal sealed partial class AccessAdministrationService(
    IGrainFactory grains, CredentialVerifier verifier, ICallerResolver callers, TimeProvider time, ILogger<AccessAdministrationService> logger)
    : V1.AccessAdministration.AccessAdministrationBase
{
    private IAccessRegistryGrain Registry => grains.GetGrain<IAccessRegistryGrain>(IAccessRegistryGrain.Key);

    public override async Task<V1.RegisterSystemResponse> RegisterSystem(V1.RegisterSystemRequest request, ServerCallContext context)
    {
        var outcome = await Registry.RegisterSystemAsync(Definition(request.System));
        var system = Succeeded(outcome);
        var administrator = Administrator(context);
        Log.Changed(logger, administrator, "registered", system.SystemId);
        return new V1.RegisterSystemResponse { System = await DescribeAsync(system) };
    }

    public override async Task<V1.UpdateSystemResponse> UpdateSystem(V1.UpdateSystemRequest request, ServerCallContext context)
    {
        var system = Succeeded(await Registry.UpdateSystemAsync(Definition(request.System)));
        verifier.ForgetAll();
        var administrator = Administrator(context);
        Log.Changed(logger, administrator, "updated", system.SystemId);
        return new V1.UpdateSystemResponse { System = await DescribeAsync(system) };
    }

    public override async Task<V1.SetSystemEnabledResponse> SetSystemEnabled(V1.SetSystemEnabledRequest request, ServerCallContext context)
    {
        var system = Succeeded(await Registry.SetEnabledAsync(request.SystemId.Trim(), request.Enabled));
        verifier.ForgetAll();
        var administrator = Administrator(context);
        Log.Changed(logger, administrator, system.Enabled ? "enabled" : "disabled", system.SystemId);
        return new V1.SetSystemEnabledResponse { System = await DescribeAsync(system) };
    }

    public override async Task<V1.ListSystemsResponse> ListSystems(V1.ListSystemsRequest request, ServerCallContext context)
    {
        var response = new V1.ListSystemsResponse();
        foreach (var system in await Registry.ListSystemsAsync())
        {
            response.Systems.Add(await DescribeAsync(system));
        }

        return response;
    }

    public override async Task<V1.IssueApiKeyResponse> IssueApiKey(V1.IssueApiKeyRequest request, ServerCallContext context)
    {
        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(request.ExpiresAt))
        {
            if (!DateTimeOffset.TryParse(request.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) || parsed <= time.GetUtcNow())
            {
                throw RpcErrors.Invalid("expires_at", "an RFC 3339 time in the future, or empty for a key that does not expire");
            }

            expiresAt = parsed.ToUniversalTime();
        }

        var (keyId, secret, key) = ApiKeyFormat.Generate();
        var apiKey = new ApiKey(keyId, request.SystemId.Trim(), ApiKeyFormat.Hash(secret), time.GetUtcNow(), expiresAt, null);
        ThrowIfAny(await Registry.AddKeyAsync(apiKey));
        var administrator = Administrator(context);
        Log.KeyIssued(logger, administrator, keyId, apiKey.SystemId);
        return new V1.IssueApiKeyResponse { ApiKey = key, Info = apiKey.ToProto() };
    }

    public override async Task<V1.RevokeApiKeyResponse> RevokeApiKey(V1.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var keyId = ApiKeyFormat.TryParse(request.KeyId.Trim(), out var parsedId, out _) ? parsedId : request.KeyId.Trim();
        ThrowIfAny(await Registry.RevokeKeyAsync(keyId));
        verifier.ForgetKey(keyId);
        var administrator = Administrator(context);
        Log.KeyRevoked(logger, administrator, keyId);
        return new V1.RevokeApiKeyResponse();
    }

    public override async Task<V1.BindClientCertificateResponse> BindClientCertificate(V1.BindClientCertificateRequest request, ServerCallContext context)
    {
        var thumbprint = Thumbprint(request.Thumbprint);
        ThrowIfAny(await Registry.BindCertificateAsync(thumbprint, request.SystemId.Trim()));
        verifier.ForgetCertificate(thumbprint);
        var administrator = Administrator(context);
        Log.Changed(logger, administrator, "bound a client certificate to", request.SystemId);
        return new V1.BindClientCertificateResponse();
    }

    public override async Task<V1.UnbindClientCertificateResponse> UnbindClientCertificate(V1.UnbindClientCertificateRequest request, ServerCallContext context)
    {
        var thumbprint = Thumbprint(request.Thumbprint);
        ThrowIfAny(await Registry.UnbindCertificateAsync(thumbprint));
        verifier.ForgetCertificate(thumbprint);
        return new V1.UnbindClientCertificateResponse();
    }

    private string Administrator(ServerCallContext context) => callers.Resolve(context).SystemId;

    private static SystemDefinition Definition(V1.SystemDefinition? definition) =>
        definition?.ToModel() ?? throw RpcErrors.Invalid("system", "the system definition is required");

    private static string Thumbprint(string text) =>
        ClientCertificates.Normalize(text) ?? throw RpcErrors.Invalid("thumbprint", "a SHA-256 thumbprint: 64 hex characters");

    private static RegisteredSystem Succeeded(RegistryOutcome outcome) =>
        outcome.Succeeded ? outcome.System! : throw RpcErrors.FromIssues(outcome.Issues);

    private static void ThrowIfAny(Issue[] issues)
    {
        if (issues.Length > 0)
        {
            throw RpcErrors.FromIssues(issues);
        }
    }

    private async Task<V1.RegisteredSystem> DescribeAsync(RegisteredSystem system) =>
        system.ToProto(await Registry.ListKeysAsync(system.SystemId), await Registry.ListCertificatesAsync(system.SystemId));

    private static partial class Log
    {
        [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Administrator {Administrator} {Action} system {System}")]
        public static partial void Changed(ILogger logger, string administrator, string action, string system);

        [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "Administrator {Administrator} issued key {KeyId} to system {System}")]
        public static partial void KeyIssued(ILogger logger, string administrator, string keyId, string system);

        [LoggerMessage(EventId = 312, Level = LogLevel.Information, Message = "Administrator {Administrator} revoked key {KeyId}")]
        public static partial void KeyRevoked(ILogger logger, string administrator, string keyId);
    }
}
