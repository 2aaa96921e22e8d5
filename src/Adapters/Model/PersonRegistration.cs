namespace Exchange.Adapters.Model;

/// <summary>A normalized registration: the identifiers a person is known by and their demographics.</summary>
public sealed record PersonRegistration(IReadOnlyList<PersonIdentifier> Identifiers, Demographics Demographics);
