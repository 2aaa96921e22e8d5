using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>Credentials are stored with the records: they survive restarts, and revocation and bootstrap behave.</summary>
public sealed class CredentialLifecycleTests
{
    [Fact]
    public async Task Restart_Sqlite_KeysStillWorkAndRevokedKeysStayRevoked()
    {
        var settings = HubSettings.Sqlite();
        string kept;
        string revoked;
        await using (var hub = await HubProcess.StartAsync(settings))
        {
            kept = await hub.ApiKeyAsync(HubProcess.ClinicDefinition("restart-clinic", "4201020101"));
            revoked = (await hub.Admin().IssueApiKeyAsync(new IssueApiKeyRequest { SystemId = "restart-clinic" })).ApiKey;
            await hub.Admin().RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = revoked });
        }

        await using var restarted = await HubProcess.StartAsync(settings.Restarted());
        var withKept = new ClinicRecords.ClinicRecordsClient(restarted.WithKey(kept));
        var withRevoked = new ClinicRecords.ClinicRecordsClient(restarted.WithKey(revoked));

        var found = await Assert.ThrowsAsync<RpcException>(async () => await withKept.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0000" } }));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await withRevoked.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0000" } }));

        Assert.Equal(StatusCode.NotFound, found.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var systems = (await restarted.Admin().ListSystemsAsync(new ListSystemsRequest())).Systems;
        var clinic = Assert.Single(systems, system => system.Definition.SystemId == "restart-clinic");
        Assert.Equal(2, clinic.ApiKeys.Count);
        Assert.Single(clinic.ApiKeys, key => key.RevokedAt.Length > 0);
    }

    [Fact]
    public async Task RevokeKey_RefusedAtOnceOnTheSameNode()
    {
        await using var hub = await HubProcess.StartAsync(HubSettings.Sqlite());
        var key = (await hub.Admin().IssueApiKeyAsync(new IssueApiKeyRequest { SystemId = await RegisterAsync(hub) })).ApiKey;
        var clinic = new ClinicRecords.ClinicRecordsClient(hub.WithKey(key));
        await Assert.ThrowsAsync<RpcException>(async () => await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0000" } }));

        await hub.Admin().RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = key });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0000" } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("revoked", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_WithoutBootstrapKey_WritesOwnerOnlyKeyFileAndNeverLogsTheKey()
    {
        var settings = HubSettings.Sqlite() with { Extra = new Dictionary<string, string> { ["Access__BootstrapAdminKey"] = string.Empty } };
        await using var hub = await HubProcess.StartAsync(settings);
        var path = Path.Combine(settings.DataFolder, "bootstrap-admin.key");

        var key = (await File.ReadAllTextAsync(path)).Trim();
        var systems = await new AccessAdministration.AccessAdministrationClient(hub.WithKey(key)).ListSystemsAsync(new ListSystemsRequest());

        Assert.Equal("bootstrap-admin", Assert.Single(systems.Systems).Definition.SystemId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Contains(path, hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^64..], hub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueKey_ForUnknownSystem_NotFound()
    {
        await using var hub = await HubProcess.StartAsync(HubSettings.Sqlite());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await hub.Admin().IssueApiKeyAsync(new IssueApiKeyRequest { SystemId = "nobody" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static async Task<string> RegisterAsync(HubProcess hub)
    {
        var definition = HubProcess.ClinicDefinition("revoke-clinic", "4201020101");
        await hub.Admin().RegisterSystemAsync(new RegisterSystemRequest { System = definition });
        return definition.SystemId;
    }
}
