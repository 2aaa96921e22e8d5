using System.Globalization;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Registry;

/// <summary>
/// Asks the stored identifier index, in one query, whether any of a registration's identifiers is known. When none
/// is, the registration can create the record and enter its identifiers in the index in one write
/// (<see cref="Grains.IPersonGrain.CreateClaimingIdentifiersAsync"/>) instead of a claim per identifier. The answer
/// is only a hint: the write itself re-checks inside its transaction.
/// </summary>
public sealed class IdentifierIndexProbe(DatabaseKind kind, string connectionString, string serviceId)
{
    private static readonly string[] QueriesByKeyCount = [.. Enumerable.Range(0, 9).Select(BuildQuery)];

    public async Task<bool> AnyKnownAsync(IReadOnlyList<string> indexKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexKeys);
        await using var connection = DatabaseCommands.Connection(kind, connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = indexKeys.Count < QueriesByKeyCount.Length ? QueriesByKeyCount[indexKeys.Count] : BuildQuery(indexKeys.Count);
        command.AddParameter("ServiceId", serviceId);
        for (var i = 0; i < indexKeys.Count; i++)
        {
            command.AddParameter(KeyParameter(i), indexKeys[i]);
        }

        await connection.OpenAsync(cancellationToken);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToBoolean(result, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One primary-key lookup per key. "grain_key = ANY(array)" reads the same, but before the table's first ANALYZE
    /// PostgreSQL ran it as a filter over every identifier row (measured: 1,900 rows read per registration).
    /// </summary>
    private static string BuildQuery(int keys) => keys == 0 ? "SELECT false" : "SELECT " + string.Join(" OR ", Enumerable.Range(0, keys).Select(i => $"""
            EXISTS (SELECT 1 FROM grain_state WHERE service_id = @ServiceId AND state_name = 'identifier'
                    AND grain_key = @{KeyParameter(i)} AND n0 = 0 AND n1 = 0)
            """));

    private static string KeyParameter(int index) => string.Create(CultureInfo.InvariantCulture, $"Key{index}");
}
