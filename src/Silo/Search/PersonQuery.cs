using Exchange.Adapters.Model;

namespace Exchange.Silo.Search;

/// <summary>Demographic search criteria; every criterion given must match (at least one is required).</summary>
/// <param name="NamePrefix">The name starts with this text (a family name finds the family).</param>
public sealed record PersonQuery(string? NamePrefix, DateOnly? BirthDate, Sex? Sex)
{
    public bool IsEmpty => NamePrefix is null && BirthDate is null && Sex is null;
}
