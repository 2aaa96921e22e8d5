using System.Data.Common;
using System.Text.Json;
using Exchange.Adapters.Normalization;
using Exchange.Silo.Grains;
using Exchange.Silo.Hosting;
using Exchange.Silo.Storage;
using Microsoft.Extensions.Configuration;

namespace Exchange.Silo.Schedule;

/// <summary>
/// Rebuilds the schedule read model from the stored person states, without activating a grain: empties both tables,
/// recomputes each person's projection with the current rule sets and writes it back into the stored state, whose
/// trigger refills the tables. Meant for a maintenance window (hubs stopped): a grain write racing the rebuild of the
/// same person is not lost (the version check skips that row and the grain's own write already updated the tables).
/// </summary>
public sealed class ReadModelRebuilder(DatabaseKind kind, string connectionString)
{
    private const int BatchSize = 500;

    /// <summary>Binds Storage settings as the hub does, installs the schema and rebuilds.</summary>
    /// <returns>The number of person states projected.</returns>
    /// <exception cref="ExchangeConfigurationException">A storage setting is missing or invalid.</exception>
    public static async Task<long> RunAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var problems = storage.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ExchangeConfigurationException(string.Join(Environment.NewLine, problems));
        }

        await SchemaInstaller.InstallAsync(storage.Provider, storage.ConnectionString, cancellationToken);
        return await new ReadModelRebuilder(storage.Provider, storage.ConnectionString)
            .RebuildAsync(ChinaCalendar.Today(time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Empties the read model and projects every stored person again as of <paramref name="today"/>.</summary>
    public async Task<long> RebuildAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, ScheduleReadModelSql.DeleteAll(kind), cancellationToken);
        long count = 0;
        var after = (Service: string.Empty, Key: string.Empty, N0: long.MinValue, N1: long.MinValue);
        while (true)
        {
            var batch = await ReadBatchAsync(connection, after, cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var row in batch)
            {
                if (Project(row.Payload, today) is { } schedule)
                {
                    await WriteAsync(connection, transaction, row, schedule, cancellationToken);
                    count++;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            var last = batch[^1];
            after = (last.Service, last.Key, last.N0, last.N1);
        }
    }

    private static string? Project(string payload, DateOnly today)
    {
        var state = JsonSerializer.Deserialize<PersonState>(payload, ExchangeJson.Options);
        return state?.Record is { } record
            ? JsonSerializer.Serialize(StoredSchedule.For(record, today), ExchangeJson.Options)
            : null;
    }

    private async Task<List<StoredRow>> ReadBatchAsync(
        DbConnection connection, (string Service, string Key, long N0, long N1) after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var payload = kind == DatabaseKind.PostgreSql ? "coalesce(body, payload::text)" : "payload";
        command.CommandText = $"""
            SELECT service_id, grain_key, n0, n1, version, {payload} FROM grain_state
            WHERE state_name = 'person' AND payload IS NOT NULL
              AND (service_id, grain_key, n0, n1) > (@Service, @Key, @N0, @N1)
            ORDER BY service_id, grain_key, n0, n1
            LIMIT {BatchSize}
            """;
        command.AddParameter("Service", after.Service);
        command.AddParameter("Key", after.Key);
        command.AddParameter("N0", after.N0);
        command.AddParameter("N1", after.N1);
        var rows = new List<StoredRow>(BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetString(5)));
        }

        return rows;
    }

    // The version is left as it is: the stored record did not change, so a live grain's next write still succeeds.
    private async Task WriteAsync(DbConnection connection, DbTransaction transaction, StoredRow row, string schedule, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var set = kind == DatabaseKind.PostgreSql
            ? """
              payload = jsonb_set(payload, '{schedule}', CAST(@Schedule AS jsonb)),
              body = (CAST(body AS jsonb) - 'schedule')::text
              """
            : "payload = json_set(payload, '$.schedule', json(@Schedule))";
        command.CommandText = $"""
            UPDATE grain_state SET {set}
            WHERE service_id = @Service AND state_name = 'person' AND grain_key = @Key AND n0 = @N0 AND n1 = @N1
              AND version = @Version
            """;
        command.AddParameter("Schedule", schedule);
        command.AddParameter("Service", row.Service);
        command.AddParameter("Key", row.Key);
        command.AddParameter("N0", row.N0);
        command.AddParameter("N1", row.N1);
        command.AddParameter("Version", row.Version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbConnection Open() => DatabaseCommands.Connection(kind, connectionString);

    private sealed record StoredRow(string Service, string Key, long N0, long N1, int Version, string Payload);
}
