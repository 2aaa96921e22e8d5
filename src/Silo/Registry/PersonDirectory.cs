using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Grains;
using Exchange.Silo.Records;

namespace Exchange.Silo.Registry;

/// <summary>
/// Finds the one record a set of identifiers belongs to, through the identifier index grains, and creates it when
/// none exists. Identifiers are claimed one by one in a fixed order, so concurrent registrations of the same child
/// from different systems settle on one hub id.
/// </summary>
public sealed class PersonDirectory(IGrainFactory grains)
{
    public async Task<PersonWriteOutcome> RegisterAsync(RegisterPersonCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var identifiers = command.Registration.Identifiers.OrderBy(identifier => identifier.Key, StringComparer.Ordinal).ToArray();
        var owners = await Task.WhenAll(identifiers.Select(identifier => Index(identifier).GetHubIdAsync()));
        var known = owners.OfType<string>().Distinct().ToArray();
        if (known.Length > 1)
        {
            return PersonWriteOutcome.Failed(string.Empty, IdentifiersOfDifferentPeople());
        }

        var hubId = known.FirstOrDefault() ?? NewHubId();
        for (var i = 0; i < identifiers.Length; i++)
        {
            if (owners[i] is not null)
            {
                continue;
            }

            var owner = await Index(identifiers[i]).ClaimAsync(hubId);
            if (owner == hubId)
            {
                continue;
            }

            // Another registration claimed this identifier in the meantime. Adopt its hub id if this one has not
            // been used yet; otherwise the identifiers now point at two people.
            if (known.Length == 0 && i == FirstUnowned(owners))
            {
                hubId = owner;
                continue;
            }

            return PersonWriteOutcome.Failed(hubId, IdentifiersOfDifferentPeople());
        }

        return await grains.GetGrain<IPersonGrain>(hubId).RegisterAsync(command);
    }

    /// <summary>The hub id an identifier belongs to, or null when it is unknown.</summary>
    public Task<string?> ResolveAsync(PersonIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.Kind == IdentifierKind.HubId ? Task.FromResult<string?>(identifier.Value) : Index(identifier).GetHubIdAsync();
    }

    public IPersonGrain Person(string hubId) => grains.GetGrain<IPersonGrain>(hubId);

    private IIdentifierGrain Index(PersonIdentifier identifier) => grains.GetGrain<IIdentifierGrain>(identifier.Key);

    private static int FirstUnowned(string?[] owners) => Array.FindIndex(owners, owner => owner is null);

    private static string NewHubId() => Guid.CreateVersion7().ToString("N");

    private static Issue IdentifiersOfDifferentPeople() => new(
        IssueCode.Conflict,
        "child.identifiers",
        "these identifiers already belong to different children; correct the identifiers or have the records merged");
}
