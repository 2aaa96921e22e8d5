namespace Exchange.Silo.Grains;

/// <summary>
/// Index entry of one identifier (key: <see cref="Exchange.Adapters.Model.PersonIdentifier.Key"/>): which hub id it
/// belongs to. A claim is atomic, so two systems registering the same child at once get one record.
/// </summary>
[Alias("exchange.identifier-grain")]
public interface IIdentifierGrain : IGrainWithStringKey
{
    /// <summary>The hub id this identifier belongs to, or null.</summary>
    [Alias("get-hub-id")]
    Task<string?> GetHubIdAsync();

    /// <summary>Claims the identifier for a hub id unless it already belongs to one; returns its owner either way.</summary>
    [Alias("claim")]
    Task<string> ClaimAsync(string hubId);

    /// <summary>
    /// Moves the identifier from one hub id to another, only if it still belongs to <paramref name="fromHubId"/>;
    /// returns its owner afterwards. Used to undo a claim made for a hub id that lost a registration race.
    /// </summary>
    [Alias("reassign")]
    Task<string?> ReassignAsync(string fromHubId, string toHubId);
}
