using Exchange.Adapters.Results;
using Exchange.Silo.Grains;

namespace Exchange.Silo.Access;

internal sealed class AccessRegistryGrain(
    [PersistentState(StorageNames.AccessRegistryState, StorageNames.Records)] IPersistentState<AccessRegistryState> state,
    TimeProvider time) : Grain, IAccessRegistryGrain
{
    private AccessRegistryState State => state.State;

    public async Task<RegistryOutcome> RegisterSystemAsync(SystemDefinition definition)
    {
        var issues = AccessRules.Check(definition);
        if (issues.Length > 0)
        {
            return RegistryOutcome.Failed(issues);
        }

        if (State.Systems.ContainsKey(definition.SystemId))
        {
            return RegistryOutcome.Failed(new Issue(IssueCode.Conflict, "system.system_id", $"system '{definition.SystemId}' is already registered; update it instead"));
        }

        var now = time.GetUtcNow();
        var system = new RegisteredSystem(
            definition.SystemId, definition.DisplayName.Trim(), definition.Role, Empty(definition.UnitCode), Empty(definition.RegionCode),
            definition.OtherUnits, Enabled: true, now, now);
        await SaveAsync(() => State.Systems[system.SystemId] = system, () => State.Systems.Remove(system.SystemId));
        return new RegistryOutcome(system, []);
    }

    public async Task<RegistryOutcome> UpdateSystemAsync(SystemDefinition definition)
    {
        var issues = AccessRules.Check(definition);
        if (issues.Length > 0)
        {
            return RegistryOutcome.Failed(issues);
        }

        if (!State.Systems.TryGetValue(definition.SystemId, out var existing))
        {
            return RegistryOutcome.Failed(UnknownSystem(definition.SystemId));
        }

        var updated = existing with
        {
            DisplayName = definition.DisplayName.Trim(),
            Role = definition.Role,
            UnitCode = Empty(definition.UnitCode),
            RegionCode = Empty(definition.RegionCode),
            OtherUnits = definition.OtherUnits,
            UpdatedAt = time.GetUtcNow(),
        };
        await SaveAsync(() => State.Systems[updated.SystemId] = updated, () => State.Systems[existing.SystemId] = existing);
        return new RegistryOutcome(updated, []);
    }

    public async Task<RegistryOutcome> SetEnabledAsync(string systemId, bool enabled)
    {
        if (!State.Systems.TryGetValue(systemId, out var existing))
        {
            return RegistryOutcome.Failed(UnknownSystem(systemId));
        }

        if (existing.Enabled == enabled)
        {
            return new RegistryOutcome(existing, []);
        }

        var updated = existing with { Enabled = enabled, UpdatedAt = time.GetUtcNow() };
        await SaveAsync(() => State.Systems[systemId] = updated, () => State.Systems[systemId] = existing);
        return new RegistryOutcome(updated, []);
    }

    public Task<RegisteredSystem[]> ListSystemsAsync() =>
        Task.FromResult(State.Systems.Values.OrderBy(system => system.SystemId, StringComparer.Ordinal).ToArray());

    public Task<ApiKey[]> ListKeysAsync(string systemId) =>
        Task.FromResult(State.Keys.Values.Where(key => key.SystemId == systemId).OrderBy(key => key.IssuedAt).ToArray());

    public Task<ClientCertificate[]> ListCertificatesAsync(string systemId) =>
        Task.FromResult(State.Certificates.Values.Where(certificate => certificate.SystemId == systemId).OrderBy(certificate => certificate.BoundAt).ToArray());

    public async Task<Issue[]> AddKeyAsync(ApiKey key)
    {
        if (!State.Systems.ContainsKey(key.SystemId))
        {
            return [UnknownSystem(key.SystemId)];
        }

        if (State.Keys.ContainsKey(key.KeyId))
        {
            return [new Issue(IssueCode.Conflict, "key_id", "a key with this id exists; issue again")];
        }

        await SaveAsync(() => State.Keys[key.KeyId] = key, () => State.Keys.Remove(key.KeyId));
        return [];
    }

    public async Task<Issue[]> RevokeKeyAsync(string keyId)
    {
        if (!State.Keys.TryGetValue(keyId, out var existing))
        {
            return [new Issue(IssueCode.NotFound, "key_id", "no key has this id")];
        }

        if (existing.RevokedAt is null)
        {
            var revoked = existing with { RevokedAt = time.GetUtcNow() };
            await SaveAsync(() => State.Keys[keyId] = revoked, () => State.Keys[keyId] = existing);
        }

        return [];
    }

    public async Task<Issue[]> BindCertificateAsync(string thumbprint, string systemId)
    {
        if (!State.Systems.ContainsKey(systemId))
        {
            return [UnknownSystem(systemId)];
        }

        if (State.Certificates.TryGetValue(thumbprint, out var bound))
        {
            return bound.SystemId == systemId
                ? []
                : [new Issue(IssueCode.Conflict, "thumbprint", $"the certificate is bound to system '{bound.SystemId}'; unbind it first")];
        }

        var certificate = new ClientCertificate(thumbprint, systemId, time.GetUtcNow());
        await SaveAsync(() => State.Certificates[thumbprint] = certificate, () => State.Certificates.Remove(thumbprint));
        return [];
    }

    public async Task<Issue[]> UnbindCertificateAsync(string thumbprint)
    {
        if (!State.Certificates.TryGetValue(thumbprint, out var bound))
        {
            return [new Issue(IssueCode.NotFound, "thumbprint", "no certificate with this thumbprint is bound")];
        }

        await SaveAsync(() => State.Certificates.Remove(thumbprint), () => State.Certificates[thumbprint] = bound);
        return [];
    }

    public Task<KeyCredential?> FindKeyAsync(string keyId) => Task.FromResult(
        State.Keys.TryGetValue(keyId, out var key) && State.Systems.TryGetValue(key.SystemId, out var system)
            ? new KeyCredential(key, system)
            : null);

    public Task<RegisteredSystem?> FindByCertificateAsync(string thumbprint) => Task.FromResult(
        State.Certificates.TryGetValue(thumbprint, out var certificate) && State.Systems.TryGetValue(certificate.SystemId, out var system)
            ? system
            : null);

    public async Task<bool> BootstrapAdministratorAsync(ApiKey key)
    {
        var now = time.GetUtcNow();
        if (AccessRules.HasUsableAdministrator(State, now))
        {
            return false;
        }

        var previous = State.Systems.GetValueOrDefault(AccessRules.BootstrapSystemId);
        var system = new RegisteredSystem(
            AccessRules.BootstrapSystemId, "Bootstrap administrator", SystemRole.Administrator, null, null, [], Enabled: true, previous?.CreatedAt ?? now, now);
        var issued = key with { SystemId = system.SystemId };
        await SaveAsync(
            () =>
            {
                State.Systems[system.SystemId] = system;
                State.Keys[issued.KeyId] = issued;
            },
            () =>
            {
                State.Keys.Remove(issued.KeyId);
                if (previous is null)
                {
                    State.Systems.Remove(system.SystemId);
                }
                else
                {
                    State.Systems[system.SystemId] = previous;
                }
            });
        return true;
    }

    /// <summary>Applies a change and stores it; if storage fails the change is undone and the call fails.</summary>
    private async Task SaveAsync(Action apply, Action undo)
    {
        apply();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Issue UnknownSystem(string systemId) => new(IssueCode.NotFound, "system_id", $"no system '{systemId}' is registered");
}
