using System.Data.Common;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Silo.Hosting;
using Exchange.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Exchange.Silo.Search;

/// <summary>Runs person searches against the grain-state table of the configured database.</summary>
internal sealed class SqlPersonSearch(IOptions<StorageOptions> storage, IOptions<ClusterOptions> cluster) : IPersonSearch
{
    public Task<IReadOnlyList<string>> ByMotherIdNumberAsync(string idNumber, int limit, CancellationToken cancellationToken) =>
        QueryAsync(PersonSearchQueries.ByMotherIdNumber(storage.Value.Provider), [("IdNumber", idNumber), ("Limit", limit)], cancellationToken);

    public Task<IReadOnlyList<string>> ByDemographicsAsync(string name, DateOnly birthDate, Sex sex, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            PersonSearchQueries.ByDemographics(storage.Value.Provider),
            [("Name", name), ("BirthDate", CanonicalDates.Format(birthDate)), ("Sex", (int)sex), ("Limit", limit)],
            cancellationToken);

    public Task<IReadOnlyList<string>> FindAsync(PersonQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string Name, object Value)> { ("Limit", limit) };
        if (query.NamePrefix is { } prefix)
        {
            parameters.Add(("NameFrom", prefix));
            parameters.Add(("NameTo", prefix + '\uffff'));
        }

        if (query.BirthDate is { } birthDate)
        {
            parameters.Add(("BirthDate", CanonicalDates.Format(birthDate)));
        }

        if (query.Sex is { } sex)
        {
            parameters.Add(("Sex", (int)sex));
        }

        return QueryAsync(PersonSearchQueries.Find(storage.Value.Provider, query), [.. parameters], cancellationToken);
    }

    private async Task<IReadOnlyList<string>> QueryAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("ServiceId", cluster.Value.ServiceId);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        var hubIds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hubIds.Add(reader.GetString(0));
        }

        return hubIds;
    }

    private DbConnection Open() => DatabaseCommands.Connection(storage.Value.Provider, storage.Value.ConnectionString);
}
