namespace Exchange.Silo.Grains;

/// <summary>References to the grains of one string-keyed interface, made without resolving the interface per call.</summary>
/// <remarks>
/// GrainFactory.GetGrain&lt;T&gt;(key) resolves T's grain interface type and grain type on every call (attribute
/// lookups and type-name formatting): 5% of the hub's CPU on get-record in a perf profile. The first reference tells
/// both; later ones are built from them directly, naming the same grain.
/// </remarks>
internal sealed class KeyedGrains<TGrain>(IGrainFactory grains)
    where TGrain : IGrainWithStringKey
{
    private Kind? _kind;

    public TGrain Get(string key)
    {
        if (_kind is not { } kind)
        {
            var first = grains.GetGrain<TGrain>(key);
            var reference = (GrainReference)(object)first;
            _kind = new Kind(reference.GrainId.Type, reference.InterfaceType);
            return first;
        }

        return (TGrain)grains.GetGrain(GrainId.Create(kind.Type, key), kind.Interface);
    }

    private sealed record Kind(GrainType Type, GrainInterfaceType Interface);
}
