using System.Collections.Concurrent;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Exchange.Testing.Hosting;

/// <summary>
/// Systems a test calls the hub as: each is registered through the admin API (with the bootstrap administrator's key)
/// and given its own API key, once per hub process and system id.
/// </summary>
internal sealed class TestSystems(GrpcChannel channel, string adminKey)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _keys = new(StringComparer.Ordinal);

    public AccessAdministration.AccessAdministrationClient Admin() => new(AdminCalls());

    public CallInvoker AdminCalls() => WithKey(adminKey);

    /// <summary>An API key of the system, registering it first when this hub process has not yet.</summary>
    public Task<string> KeyAsync(SystemDefinition definition) =>
        _keys.GetOrAdd(definition.SystemId, _ => new Lazy<Task<string>>(() => RegisterAsync(definition))).Value;

    // A copy, so headers a test passes in (and reuses) never collect one authorization entry per call.
    public CallInvoker WithKey(string apiKey) => channel.Intercept(headers =>
    {
        var metadata = new Metadata();
        foreach (var entry in headers)
        {
            metadata.Add(entry);
        }

        metadata.Add("authorization", $"Bearer {apiKey}");
        return metadata;
    });

    /// <summary>A clinic definition; without a unit, one that reports for every synthetic unit (a county-level platform).</summary>
    public static SystemDefinition Clinic(string systemId, string? unitCode, SystemRole role = SystemRole.Clinic)
    {
        var definition = new SystemDefinition
        {
            SystemId = systemId,
            DisplayName = $"Test system {systemId}",
            Role = role,
            UnitCode = unitCode ?? HubeiUnits.Units[0],
        };
        if (unitCode is null)
        {
            definition.OtherUnits.AddRange(HubeiUnits.Units.Skip(1));
        }

        return definition;
    }

    private async Task<string> RegisterAsync(SystemDefinition definition)
    {
        var admin = Admin();
        try
        {
            await admin.RegisterSystemAsync(new RegisterSystemRequest { System = definition });
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
        {
            // Registered before a restart of the same hub: keep the system, issue a new key.
            await admin.UpdateSystemAsync(new UpdateSystemRequest { System = definition });
        }

        return (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { SystemId = definition.SystemId })).ApiKey;
    }
}
