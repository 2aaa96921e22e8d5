using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Exchange.Testing.Synthetic;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Every acknowledged exchange is in the log after the hub is killed (kill -9), and the chain continues whole.</summary>
public sealed class ExchangeLogDurabilityTests
{
    private const int Calls = 150;

    [Fact]
    public Task KillAndRestart_Sqlite_EveryAcknowledgedCallIsLogged() => KillAndRestartAsync(HubSettings.Sqlite());

    [Fact]
    public async Task KillAndRestart_Postgres_EveryAcknowledgedCallIsLogged()
    {
        var database = await TestPostgres.CreateDatabaseAsync("auditkill");
        await KillAndRestartAsync(HubSettings.Postgres(database));
        await TestPostgres.DropDatabaseAsync(database);
    }

    private static async Task KillAndRestartAsync(HubSettings settings)
    {
        var acknowledged = new List<(string MessageId, string HubId)>();
        await using (var hub = await HubProcess.StartAsync(settings))
        {
            var clinic = await AuditClients.ClinicAsync(hub, "durable-clinic", "4201020101");
            using var stop = new CancellationTokenSource();
            await Parallel.ForEachAsync(Enumerable.Range(0, Calls), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, cancellationToken) =>
            {
                var messageId = Guid.NewGuid().ToString("N");
                var response = await clinic.RegisterChildAsync(TestChildren.Next().ToRegisterRequest(messageId), cancellationToken: cancellationToken);
                lock (acknowledged)
                {
                    acknowledged.Add((messageId, response.HubId));
                }
            });

            // No graceful shutdown: whatever was acknowledged must already be in the log.
            hub.Kill();
        }

        await using var restarted = await HubProcess.StartAsync(settings.Restarted());
        var logged = await AuditClients.QueryAllPagesAsync(restarted, new EntryFilter { CallerSystem = "durable-clinic" });
        var byMessageId = logged.ToDictionary(entry => entry.ClientMessageId);
        Assert.All(acknowledged, call => Assert.Equal(call.HubId, Assert.Single(byMessageId[call.MessageId].Persons).HubId));
        Assert.Equal(Calls, logged.Count);

        await (await AuditClients.ClinicAsync(restarted, "durable-clinic", "4201020101")).RegisterChildAsync(TestChildren.Next().ToRegisterRequest(Guid.NewGuid().ToString("N")));
        var verification = await (await AuditClients.AuditorAsync(restarted)).VerifyLogAsync(new VerifyLogRequest());
        Assert.True(verification.Intact, verification.FirstProblem?.Detail);
        Assert.True(verification.EntriesChecked > Calls);
    }
}
