using Exchange.Adapters.Model;

namespace Exchange.Silo.Search;

/// <summary>Finds people by facts that are not unique identifiers, from the stored records themselves.</summary>
public interface IPersonSearch
{
    /// <summary>Hub ids of the people whose mother has this resident ID number.</summary>
    Task<IReadOnlyList<string>> ByMotherIdNumberAsync(string idNumber, int limit, CancellationToken cancellationToken);

    /// <summary>Hub ids of the people with exactly this name, birth date and sex.</summary>
    Task<IReadOnlyList<string>> ByDemographicsAsync(string name, DateOnly birthDate, Sex sex, int limit, CancellationToken cancellationToken);

    /// <summary>Hub ids of the people matching every criterion of <paramref name="query"/>, ordered by hub id.</summary>
    Task<IReadOnlyList<string>> FindAsync(PersonQuery query, int limit, CancellationToken cancellationToken);
}
