using System.Security.Cryptography;
using Exchange.Silo.Audit;
using Exchange.Silo.Storage;
using Exchange.Silo.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Silo.Tests.Audit;

/// <summary>A real exchange log on a fresh database of either kind: the writer that appends, and direct SQL to tamper with it.</summary>
internal sealed class TestExchangeLog : IAsyncDisposable
{
    public const string Chain = "node-a";

    private TestExchangeLog(TestDatabase database, ExchangeLogDatabase log, AuditOptions options, string chain)
    {
        Database = database;
        Log = log;
        Signer = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        Store = new ExchangeLogStore(log);
        Writer = new ExchangeLogWriter(Store, Signer, chain, options, TimeProvider.System, NullLogger<ExchangeLogWriter>.Instance);
        Reader = new ExchangeLogReader(log);
        Verifier = new ExchangeLogVerifier(log, TimeProvider.System);
        Pruner = new ExchangeLogPruner(log);
    }

    public TestDatabase Database { get; }

    public ExchangeLogDatabase Log { get; }

    public CheckpointSigner Signer { get; }

    public ExchangeLogStore Store { get; }

    public ExchangeLogWriter Writer { get; }

    public ExchangeLogReader Reader { get; }

    public ExchangeLogVerifier Verifier { get; }

    public ExchangeLogPruner Pruner { get; }

    public static async Task<TestExchangeLog> CreateAsync(DatabaseKind kind, int checkpointEvery = 10, int maxBatch = 1000, string chain = Chain, int sqliteGatherMicroseconds = 3000)
    {
        var database = await TestDatabase.CreateAsync(kind, "exchangelog");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        var options = new AuditOptions { CheckpointEvery = checkpointEvery, MaxBatch = maxBatch, CheckpointSeconds = 3600, SqliteGatherMicroseconds = sqliteGatherMicroseconds };
        var log = new TestExchangeLog(database, new ExchangeLogDatabase(kind, database.ConnectionString), options, chain);
        await log.Writer.StartAsync(CancellationToken.None);
        return log;
    }

    /// <summary>Verifies with no retention floor (tests prune whatever they like).</summary>
    public Task<VerificationResult> VerifyAsync() => Verifier.VerifyAsync(TimeSpan.Zero, CancellationToken.None);

    /// <summary>Runs SQL past the append-only guard, as someone with full rights on the database could.</summary>
    public Task TamperAsync(string sql) => Database.ExecuteAsync(Database.Kind == DatabaseKind.PostgreSql
        ? $"SET session_replication_role = replica; {sql}"
        : $"""
            DROP TRIGGER IF EXISTS exchange_log_no_update; DROP TRIGGER IF EXISTS exchange_log_no_delete;
            DROP TRIGGER IF EXISTS exchange_log_person_no_update; DROP TRIGGER IF EXISTS exchange_log_person_no_delete;
            DROP TRIGGER IF EXISTS exchange_log_checkpoint_no_update; DROP TRIGGER IF EXISTS exchange_log_checkpoint_no_delete;
            {sql}
            """);

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Store.Dispose();
        Signer.Dispose();
        await Log.DisposeAsync();
        await Database.DisposeAsync();
    }
}
