using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Exchange.Adapters.Results;
using Exchange.Silo.Hosting;
using Exchange.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Exchange.Silo.Quarantine;

/// <summary>The quarantine table (040-quarantine.sql) on SQLite or PostgreSQL; the SQL is the same for both.</summary>
internal sealed class SqlQuarantineStore(DatabaseKind kind, string connectionString, string serviceId) : IQuarantineStore
{
    private const string Columns =
        "seq, id, source_system, operation, client_message_id, received_at, updated_at, issues, status, receive_count, content_type, " +
        "resolution_hub_id, resolved_at, resolution_map_version, resolved_by, discard_reason";

    public async Task<QuarantineReceipt> HoldAsync(QuarantineSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        const string sql = """
            INSERT INTO quarantine (id, service_id, source_system, operation, dedupe_key, client_message_id, received_at, updated_at,
                                    reason_codes, issues, payload, content_type, status, receive_count)
            VALUES (@Id, @ServiceId, @SourceSystem, @Operation, @DedupeKey, @ClientMessageId, @ReceivedAt, @ReceivedAt,
                    @ReasonCodes, @Issues, @Payload, @ContentType, 1, 1)
            ON CONFLICT (service_id, source_system, operation, dedupe_key)
            DO UPDATE SET receive_count = quarantine.receive_count + 1, updated_at = excluded.updated_at
            RETURNING id, receive_count, status
            """;
        var id = "q-" + Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql,
            ("Id", id), ("SourceSystem", submission.SourceSystem), ("Operation", submission.Operation),
            ("DedupeKey", DedupeKey(submission)), ("ClientMessageId", submission.ClientMessageId), ("ReceivedAt", submission.ReceivedAt.ToUniversalTime()),
            ("ReasonCodes", ReasonCodes(submission.Issues)), ("Issues", IssuesJson(submission.Issues)), ("Payload", submission.Payload),
            ("ContentType", submission.ContentType));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new QuarantineReceipt(reader.GetString(0), reader.GetInt32(1) > 1, (QuarantineStatus)reader.GetInt32(2));
    }

    public async Task<QuarantinedItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var items = await QueryAsync($"SELECT {Columns} FROM quarantine WHERE service_id = @ServiceId AND id = @Id", [("Id", id)], cancellationToken);
        return items.Count == 0 ? null : items[0].Item;
    }

    public async Task<byte[]?> GetPayloadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT payload FROM quarantine WHERE service_id = @ServiceId AND id = @Id", ("Id", id));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<QuarantinePage> ListAsync(QuarantineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string> { "service_id = @ServiceId" };
        var parameters = new List<(string, object?)>();
        void Filter(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(condition);
                parameters.Add((name, value));
            }
        }

        Filter("source_system = @SourceSystem", "SourceSystem", query.SourceSystem);
        Filter("reason_codes LIKE @ReasonPattern", "ReasonPattern", query.ReasonCode is null ? null : $"%,{query.ReasonCode},%");
        Filter("status = @Status", "Status", query.Status is { } status ? (short)status : null);
        Filter("seq < @Before", "Before", query.Before);
        parameters.Add(("Limit", query.Limit + 1));
        var sql = $"SELECT {Columns} FROM quarantine WHERE {string.Join(" AND ", where)} ORDER BY seq DESC LIMIT @Limit";
        var rows = await QueryAsync(sql, [.. parameters], cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        return new QuarantinePage([.. page.Select(row => row.Item)], rows.Count > query.Limit ? page[^1].Seq : null);
    }

    public async Task<bool> MarkAcceptedAsync(string id, QuarantineResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        const string sql = """
            UPDATE quarantine SET status = 2, resolution_hub_id = @HubId, resolved_at = @At, resolution_map_version = @MapVersion,
                                  resolved_by = @By, updated_at = @At
            WHERE service_id = @ServiceId AND id = @Id AND status = 1
            """;
        return await ExecuteAsync(sql, cancellationToken,
            ("Id", id), ("HubId", resolution.HubId), ("At", resolution.ResolvedAt.ToUniversalTime()),
            ("MapVersion", resolution.CodeMapVersion), ("By", resolution.ResolvedBy)) == 1;
    }

    public Task MarkStillHeldAsync(string id, IReadOnlyList<Issue> issues, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE quarantine SET issues = @Issues, reason_codes = @ReasonCodes, updated_at = @At WHERE service_id = @ServiceId AND id = @Id AND status = 1",
            cancellationToken,
            ("Id", id), ("Issues", IssuesJson(issues)), ("ReasonCodes", ReasonCodes(issues)), ("At", at.ToUniversalTime()));

    public async Task<bool> DiscardAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE quarantine SET status = 3, discard_reason = @Reason, updated_at = @At WHERE service_id = @ServiceId AND id = @Id AND status = 1",
            cancellationToken,
            ("Id", id), ("Reason", reason), ("At", at.ToUniversalTime())) == 1;

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<(long Seq, QuarantinedItem Item)>> QueryAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<(long, QuarantinedItem)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetInt64(0), Read(reader)));
        }

        return items;
    }

    private static QuarantinedItem Read(DbDataReader reader)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        var resolution = reader.IsDBNull(11)
            ? null
            : new QuarantineResolution(reader.GetString(11), reader.GetFieldValue<DateTimeOffset>(12), Text(13), Text(14) ?? string.Empty);
        return new QuarantinedItem(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            JsonSerializer.Deserialize<List<Issue>>(reader.GetString(7), ExchangeJson.Options) ?? [],
            (QuarantineStatus)reader.GetInt32(8),
            reader.GetInt32(9),
            reader.GetString(10),
            resolution,
            Text(15));
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = DatabaseCommands.Connection(kind, connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            // The hub writes grain state to the same file at the same time: wait for the write lock, don't fail.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 5000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("ServiceId", serviceId);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }


    private static string DedupeKey(QuarantineSubmission submission) =>
        string.IsNullOrWhiteSpace(submission.ClientMessageId)
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(submission.Payload))
            : "id:" + submission.ClientMessageId;

    private static string ReasonCodes(IReadOnlyList<Issue> issues) =>
        "," + string.Join(",", issues.Select(issue => issue.ReasonOrDefault).Distinct(StringComparer.Ordinal)) + ",";

    private static string IssuesJson(IReadOnlyList<Issue> issues) => JsonSerializer.Serialize(issues, ExchangeJson.Options);
}
