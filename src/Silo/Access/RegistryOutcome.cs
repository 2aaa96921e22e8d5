using Exchange.Adapters.Results;

namespace Exchange.Silo.Access;

/// <summary>The result of a registry change: the system afterwards, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("exchange.registry-outcome.v1")]
public sealed record RegistryOutcome(RegisteredSystem? System, Issue[] Issues)
{
    public bool Succeeded => Issues.Length == 0;

    public static RegistryOutcome Failed(params Issue[] issues) => new(null, issues);
}
