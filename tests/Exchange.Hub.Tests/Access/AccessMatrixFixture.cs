using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>A hub with one system of every role and keys that are revoked, wrong, malformed or of a disabled system.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<CallerKind, string?> _keys = [];

    public HubProcess Hub { get; private set; } = null!;

    /// <summary>The bearer text a caller kind sends; null for none.</summary>
    public string? Key(CallerKind kind) => _keys[kind];

    public async Task InitializeAsync()
    {
        Hub = await HubProcess.StartAsync(HubSettings.Sqlite());
        _keys[CallerKind.Clinic] = await Hub.ApiKeyAsync(HubProcess.ClinicDefinition("matrix-clinic", "4201020101"));
        _keys[CallerKind.Hospital] = await Hub.ApiKeyAsync(Definition("matrix-hospital", SystemRole.Hospital, "4201020102"));
        _keys[CallerKind.Auditor] = await Hub.ApiKeyAsync(Definition("matrix-auditor", SystemRole.Auditor));
        _keys[CallerKind.PublicPortal] = await Hub.ApiKeyAsync(Definition("matrix-portal", SystemRole.PublicPortal));
        _keys[CallerKind.Administrator] = await Hub.ApiKeyAsync(Definition("matrix-admin", SystemRole.Administrator));
        _keys[CallerKind.DiseaseControl] = await Hub.ApiKeyAsync(HubProcess.DiseaseControlDefinition("matrix-cdc", "420100"));
        _keys[CallerKind.NoCredentials] = null;

        var revoked = await Hub.ApiKeyAsync(HubProcess.ClinicDefinition("matrix-revoked", "4201020103"));
        await Hub.Admin().RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = revoked });
        _keys[CallerKind.RevokedKey] = revoked;

        // The right key id with another secret.
        var clinicKey = _keys[CallerKind.Clinic]!;
        _keys[CallerKind.WrongSecret] = string.Concat(clinicKey.AsSpan(0, clinicKey.Length - 64), new string('0', 64));
        _keys[CallerKind.MalformedToken] = "not-an-exchange-key";

        _keys[CallerKind.DisabledSystem] = await Hub.ApiKeyAsync(HubProcess.ClinicDefinition("matrix-disabled", "4201020104"));
        await Hub.Admin().SetSystemEnabledAsync(new SetSystemEnabledRequest { SystemId = "matrix-disabled", Enabled = false });
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    public CallInvoker Invoker(CallerKind kind) => Key(kind) is { } key ? Hub.WithKey(key) : Hub.Channel.CreateCallInvoker();

    private static SystemDefinition Definition(string systemId, SystemRole role, string unitCode = "") =>
        new() { SystemId = systemId, DisplayName = systemId, Role = role, UnitCode = unitCode };
}
