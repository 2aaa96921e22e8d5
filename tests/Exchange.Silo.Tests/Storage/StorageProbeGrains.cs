using System.Collections.Immutable;

namespace Exchange.Silo.Tests.Storage;

/// <summary>A grain that persists <see cref="ProbeState"/> through the storage provider under test.</summary>
[Alias("exchange.tests.storage-probe")]
public interface IStorageProbeGrain : IGrain
{
    [Alias("write")]
    Task WriteAsync(string value);

    [Alias("read")]
    Task<ProbeSnapshot> ReadAsync();

    [Alias("clear")]
    Task ClearAsync();
}

[Alias("exchange.tests.string-probe")]
public interface IStringProbeGrain : IStorageProbeGrain, IGrainWithStringKey;

[Alias("exchange.tests.guid-probe")]
public interface IGuidProbeGrain : IStorageProbeGrain, IGrainWithGuidKey;

[Alias("exchange.tests.guid-compound-probe")]
public interface IGuidCompoundProbeGrain : IStorageProbeGrain, IGrainWithGuidCompoundKey;

/// <summary>Immutable collections on purpose: Orleans' default Newtonsoft storage serializer cannot read them back.</summary>
public sealed class ProbeState
{
    public string? Value { get; set; }

    public ImmutableList<string> History { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("exchange.tests.probe-snapshot")]
public sealed record ProbeSnapshot(string? Value, ImmutableList<string> History, string? ETag, bool RecordExists);

internal static class ProbeStorage
{
    public const string ProviderName = "test";
    public const string StringStateName = "string-probe";
    public const string GuidStateName = "guid-probe";
    public const string GuidCompoundStateName = "guid-compound-probe";
}

internal abstract class StorageProbeGrain(IPersistentState<ProbeState> state) : Grain, IStorageProbeGrain
{
    public Task WriteAsync(string value)
    {
        state.State.Value = value;
        state.State.History = state.State.History.Add(value);
        return state.WriteStateAsync();
    }

    public Task<ProbeSnapshot> ReadAsync() =>
        Task.FromResult(new ProbeSnapshot(state.State.Value, state.State.History, state.Etag, state.RecordExists));

    public Task ClearAsync() => state.ClearStateAsync();
}

// Each grain class has its own state name: rows are keyed by state name and key, not by grain class (P4).
internal sealed class StringProbeGrain(
    [PersistentState(ProbeStorage.StringStateName, ProbeStorage.ProviderName)] IPersistentState<ProbeState> state)
    : StorageProbeGrain(state), IStringProbeGrain;

internal sealed class GuidProbeGrain(
    [PersistentState(ProbeStorage.GuidStateName, ProbeStorage.ProviderName)] IPersistentState<ProbeState> state)
    : StorageProbeGrain(state), IGuidProbeGrain;

internal sealed class GuidCompoundProbeGrain(
    [PersistentState(ProbeStorage.GuidCompoundStateName, ProbeStorage.ProviderName)] IPersistentState<ProbeState> state)
    : StorageProbeGrain(state), IGuidCompoundProbeGrain;
