using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Exchange.Testing.Synthetic;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Every acknowledged write survives the hub being killed (kill -9) and restarted on the same storage.</summary>
public sealed class DurabilityTests
{
    private const int Children = 200;

    [Fact]
    public Task KillAndRestart_Sqlite_EveryAcknowledgedChildIsThere() => KillAndRestartAsync(HubSettings.Sqlite());

    [Fact]
    public async Task KillAndRestart_Postgres_EveryAcknowledgedChildIsThere()
    {
        var database = await TestPostgres.CreateDatabaseAsync("durability");
        await KillAndRestartAsync(HubSettings.Postgres(database));
        await TestPostgres.DropDatabaseAsync(database);
    }

    private static async Task KillAndRestartAsync(HubSettings settings)
    {
        var children = Enumerable.Range(0, Children).Select(_ => TestChildren.Next()).ToList();
        var acknowledged = new List<(SyntheticChild Child, string HubId)>();
        await using (var hub = await HubProcess.StartAsync(settings))
        {
            var clinic = await hub.ClinicAsync();
            await Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (child, cancellationToken) =>
            {
                var response = await clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")), cancellationToken: cancellationToken);
                lock (acknowledged)
                {
                    acknowledged.Add((child, response.HubId));
                }
            });

            // No graceful shutdown: whatever was acknowledged must already be on disk.
            hub.Kill();
        }

        await using var restarted = await HubProcess.StartAsync(settings.Restarted());
        var reader = await restarted.ClinicAsync();
        foreach (var (child, hubId) in acknowledged)
        {
            var person = (await reader.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
            Assert.Equal(hubId, person.HubId);
            Assert.Equal(child.Doses.Count, person.Vaccinations.Count);
        }

        Assert.Equal(Children, acknowledged.Count);
    }
}
