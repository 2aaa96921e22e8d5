using System.Collections.Concurrent;
using Exchange.Testing.Synthetic;
using Npgsql;
using NpgsqlTypes;

namespace Exchange.Benchmark;

/// <summary>
/// The baseline for ingest: the same child and dose rows inserted straight into PostgreSQL (same server as the hub,
/// own fresh database, default durability), one transaction per child — INSERT child RETURNING id, then all its doses
/// as one multi-row INSERT (unnest of arrays) — over several connections with prepared statements. This is what a
/// hand-written relational store would do per child, without identifier resolution, deduplication or history.
/// </summary>
internal static class RawPostgresBaseline
{
    private const string Schema = """
        CREATE TABLE child (
            id                 bigserial PRIMARY KEY,
            child_code         text NOT NULL UNIQUE,
            birth_certificate  text NOT NULL UNIQUE,
            resident_id        text UNIQUE,
            name               text NOT NULL,
            sex                smallint NOT NULL,
            birth_date         date NOT NULL,
            birth_time         time,
            birth_weight_grams integer,
            mother_name        text,
            mother_id          text,
            mother_phone       text,
            household_region   text,
            residence_region   text NOT NULL,
            managing_unit      text NOT NULL,
            created_at         timestamptz NOT NULL DEFAULT now()
        );
        -- The hub indexes the same searches: by mother's ID number, by name and birth date.
        CREATE INDEX child_by_mother_id ON child (mother_id);
        CREATE INDEX child_by_name_and_birth_date ON child (name, birth_date);
        CREATE TABLE dose (
            child_id           bigint NOT NULL REFERENCES child (id),
            vaccine_code       text NOT NULL,
            dose_number        integer NOT NULL,
            date               date NOT NULL,
            lot_number         text,
            expiry_date        date,
            manufacturer_code  text,
            traceability_code  text,
            administering_unit text NOT NULL,
            PRIMARY KEY (child_id, vaccine_code, dose_number)
        );
        """;

    private const string InsertChild = """
        INSERT INTO child (child_code, birth_certificate, resident_id, name, sex, birth_date, birth_time, birth_weight_grams,
                           mother_name, mother_id, mother_phone, household_region, residence_region, managing_unit)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        RETURNING id
        """;

    private const string InsertDoses = """
        INSERT INTO dose (child_id, vaccine_code, dose_number, date, lot_number, expiry_date, manufacturer_code,
                          traceability_code, administering_unit)
        SELECT $1, d.* FROM unnest($2::text[], $3::integer[], $4::date[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[]) AS d
        """;

    public static async Task<RawInsertResult> RunAsync(Workload workload, int connections)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var connectionString = await Testing.Postgres.TestPostgres.CreateDatabaseAsync("benchraw");
        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.MaxPoolSize = connections + 2;
            await using var dataSource = builder.Build();
            await using (var create = dataSource.CreateCommand(Schema))
            {
                await create.ExecuteNonQueryAsync();
            }

            var warmup = workload.Warmup.Select(RawChild.From).ToArray();
            var measured = workload.Measured.Select(RawChild.From).ToArray();
            var statsStart = await PgSnapshot.TakeAsync(connectionString);
            var writers = new ConcurrentQueue<ChildWriter>();
            LatencySummary latency;
            CpuUsage cpu;
            try
            {
                for (var i = 0; i < connections; i++)
                {
                    writers.Enqueue(await ChildWriter.OpenAsync(dataSource));
                }

                await InsertAsync(writers, warmup, connections);
                var cpuStart = CpuSnapshot.Take(null);
                latency = await InsertAsync(writers, measured, connections);
                cpu = CpuSnapshot.Take(null).Since(cpuStart);
            }
            finally
            {
                while (writers.TryDequeue(out var writer))
                {
                    await writer.DisposeAsync();
                }
            }

            // Closed connections publish their statistics as their server processes exit.
            await dataSource.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var activity = (await PgSnapshot.TakeAsync(connectionString)).PerChildSince(statsStart, warmup.Length + measured.Length);
            var doses = measured.Sum(child => (long)child.VaccineCodes.Length);
            return new RawInsertResult(
                measured.Length, doses, connections, latency.Seconds, measured.Length / latency.Seconds, doses / latency.Seconds, latency, cpu, activity);
        }
        finally
        {
            await Testing.Postgres.TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static Task<LatencySummary> InsertAsync(ConcurrentQueue<ChildWriter> writers, RawChild[] children, int connections) =>
        LoadLoop.RunAsync(connections, children.Length, async index =>
        {
            // As many callers as writers: the queue is never empty when a caller takes one.
            if (!writers.TryDequeue(out var writer))
            {
                throw new InvalidOperationException("No free connection.");
            }

            try
            {
                await writer.InsertAsync(children[index]);
            }
            finally
            {
                writers.Enqueue(writer);
            }
        });

    /// <summary>One connection with its two prepared statements.</summary>
    private sealed class ChildWriter : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _child;
        private readonly NpgsqlCommand _doses;

        private ChildWriter(NpgsqlConnection connection)
        {
            _connection = connection;
            _child = new NpgsqlCommand(InsertChild, connection);
            foreach (var type in new[]
            {
                NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Smallint, NpgsqlDbType.Date,
                NpgsqlDbType.Time, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                NpgsqlDbType.Text, NpgsqlDbType.Text,
            })
            {
                _child.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
            }

            _doses = new NpgsqlCommand(InsertDoses, connection);
            foreach (var type in new[]
            {
                NpgsqlDbType.Bigint, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Integer,
                NpgsqlDbType.Array | NpgsqlDbType.Date, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Date,
                NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Text,
            })
            {
                _doses.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
            }
        }

        public static async Task<ChildWriter> OpenAsync(NpgsqlDataSource dataSource)
        {
            var writer = new ChildWriter(await dataSource.OpenConnectionAsync());
            await writer._child.PrepareAsync();
            await writer._doses.PrepareAsync();
            return writer;
        }

        public async Task InsertAsync(RawChild child)
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            _child.Transaction = transaction;
            _doses.Transaction = transaction;
            Set(_child, child.ChildCode, child.BirthCertificate, child.ResidentId, child.Name, child.Sex, child.BirthDate, child.BirthTime,
                child.BirthWeightGrams, child.MotherName, child.MotherId, child.MotherPhone, child.HouseholdRegion, child.ResidenceRegion,
                child.ManagingUnit);
            var id = (long)(await _child.ExecuteScalarAsync())!;
            Set(_doses, id, child.VaccineCodes, child.DoseNumbers, child.Dates, child.LotNumbers, child.ExpiryDates, child.Manufacturers,
                child.TraceabilityCodes, child.AdministeringUnits);
            await _doses.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _child.DisposeAsync();
            await _doses.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private static void Set(NpgsqlCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }
    }

    /// <summary>A child's row values and its doses as column arrays, built before timing.</summary>
    private sealed record RawChild(
        string ChildCode, string BirthCertificate, string? ResidentId, string Name, short Sex, DateOnly BirthDate, TimeOnly BirthTime,
        int BirthWeightGrams, string MotherName, string MotherId, string MotherPhone, string HouseholdRegion, string ResidenceRegion,
        string ManagingUnit, string[] VaccineCodes, int[] DoseNumbers, DateOnly[] Dates, string[] LotNumbers, DateOnly[] ExpiryDates,
        string[] Manufacturers, string[] TraceabilityCodes, string[] AdministeringUnits)
    {
        public static RawChild From(SyntheticChild child) => new(
            child.ChildCode, child.BirthCertificateNumber, child.ResidentIdNumber, child.Name, child.IsMale ? (short)1 : (short)2,
            child.BirthDate, child.BirthTime, child.BirthWeightGrams, child.Mother.Name, child.Mother.IdNumber, child.Mother.Phone,
            child.HouseholdRegion, child.ResidenceRegion, child.ManagingUnit,
            [.. child.Doses.Select(d => d.VaccineCode)], [.. child.Doses.Select(d => d.DoseNumber)], [.. child.Doses.Select(d => d.Date)],
            [.. child.Doses.Select(d => d.LotNumber)], [.. child.Doses.Select(d => d.ExpiryDate)], [.. child.Doses.Select(d => d.ManufacturerCode)],
            [.. child.Doses.Select(d => d.TraceabilityCode)], [.. child.Doses.Select(d => d.AdministeringUnit)]);
    }
}

/// <summary>Rows inserted, connections used, wall time, rates, per-transaction latency and CPU.</summary>
internal sealed record RawInsertResult(
    int Children, long Doses, int Connections, double Seconds, double ChildrenPerSecond, double DosesPerSecond, LatencySummary Transactions, CpuUsage Cpu, PgActivity Database);
