using Exchange.Adapters.Model;

namespace Exchange.Silo.Registry;

/// <summary>The identifier index keys a registration names, each once.</summary>
internal static class IndexKeys
{
    public static string[] Of(PersonRegistration registration) =>
        [.. registration.Identifiers.Select(identifier => identifier.Key).Distinct(StringComparer.Ordinal)];
}
