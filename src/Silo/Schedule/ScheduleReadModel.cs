using System.Data.Common;
using System.Globalization;
using Exchange.Silo.Hosting;
using Exchange.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Exchange.Silo.Schedule;

/// <summary>Due lists and coverage counts, read from the schedule read-model tables of the configured database.</summary>
public sealed class ScheduleReadModel
{
    private readonly DatabaseKind _kind;
    private readonly string _connectionString;
    private readonly string _serviceId;

    public ScheduleReadModel(DatabaseKind kind, string connectionString, string serviceId)
    {
        _kind = kind;
        _connectionString = connectionString;
        _serviceId = serviceId;
    }

    /// <summary>The read model of the configured store and service.</summary>
    internal static ScheduleReadModel Create(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return new ScheduleReadModel(storage.Provider, storage.ConnectionString, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId);
    }

    /// <summary>One page of the due list, in recommended-date order.</summary>
    public async Task<IReadOnlyList<DueListEntry>> ListDueAsync(DueListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = query.After ?? new DueListKey(DateOnly.MinValue, string.Empty, string.Empty, 0);
        var areaCode = query.Area.Level == AreaLevel.Unit ? query.Area.Code : query.Area.Prefix;
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ScheduleReadModelSql.DueList(_kind, query.Area.Level, query.IncludeOutstanding);
        command.AddParameter("ServiceId", _serviceId);
        command.AddParameter("Area", areaCode);
        command.AddParameter("From", Date(query.From));
        command.AddParameter("To", Date(query.To));
        command.AddParameter("AfterDate", Date(after.Recommended));
        command.AddParameter("AfterHub", after.HubId);
        command.AddParameter("AfterSeries", after.Series);
        command.AddParameter("AfterDose", after.Dose);
        command.AddParameter("Limit", query.PageSize);
        var entries = new List<DueListEntry>(query.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DueListEntry(
                HubId: reader.GetString(0),
                Name: reader.IsDBNull(9) ? null : reader.GetString(9),
                BirthDate: reader.IsDBNull(10) ? null : DateOnly.ParseExact(reader.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                GuardianPhone: reader.IsDBNull(11) ? null : reader.GetString(11),
                ManagingUnit: reader.GetString(8),
                Series: reader.GetString(1),
                Dose: reader.GetInt32(2),
                Vaccine: reader.GetString(3),
                Earliest: ReadDate(reader, 4)!.Value,
                Recommended: ReadDate(reader, 5)!.Value,
                Overdue: ReadDate(reader, 6),
                Latest: ReadDate(reader, 7)!.Value));
        }

        return entries;
    }

    /// <summary>Coverage rows of each month from <see cref="CoverageQuery.FirstMonth"/> to <see cref="CoverageQuery.LastMonth"/>.</summary>
    public async Task<IReadOnlyList<CoverageRow>> CoverageAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<CoverageRow>();
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var prefix = query.Area.Prefix;
        for (var month = FirstDay(query.FirstMonth); month <= query.LastMonth; month = month.AddMonths(1))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ScheduleReadModelSql.Coverage(_kind, query.Level);
            command.AddParameter("ServiceId", _serviceId);
            command.AddParameter("Low", prefix);
            command.AddParameter("High", prefix[..^1] + (char)(prefix[^1] + 1));
            command.AddParameter("MonthStart", Date(month));
            command.AddParameter("NextMonth", Date(month.AddMonths(1)));
            command.AddParameter("WindowStart", Date(month.AddMonths(-11)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new CoverageRow(
                    month,
                    reader.GetString(0),
                    (ResidenceType)reader.GetInt32(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6)));
            }
        }

        return rows;
    }

    private static DateOnly FirstDay(DateOnly date) => new(date.Year, date.Month, 1);

    private object Date(DateOnly date) => _kind == DatabaseKind.PostgreSql
        ? date
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ReadDate(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var value = reader.GetValue(ordinal);
        return value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private DbConnection Open() => DatabaseCommands.Connection(_kind, _connectionString);

}
