using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Exchange.Testing.Synthetic;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Two hub nodes on one PostgreSQL database form one Orleans cluster through ADO.NET clustering.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task TwoNodes_WriteThroughOneReadThroughOther_SameRecord()
    {
        var database = await TestPostgres.CreateDatabaseAsync("cluster");
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        await using var first = await HubProcess.StartAsync(HubSettings.Postgres(database, clusterId));
        // Nodes of one cluster share the registry, so they are configured with the same first administrator.
        await using var second = await HubProcess.StartAsync(HubSettings.Postgres(database, clusterId) with { BootstrapAdminKey = first.Settings.BootstrapAdminKey });
        var children = Enumerable.Range(0, 30).Select(_ => TestChildren.WithDoses(2)).ToList();

        foreach (var child in children)
        {
            await (await first.ClinicAsync("clinic-a")).RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false));
        }

        // Writes through the second node reach the same grains; reads through either node agree.
        foreach (var child in children)
        {
            var dose = new RecordVaccinationsRequest { ClientMessageId = Guid.NewGuid().ToString("N"), Child = child.ByChildCode(), Vaccinations = { child.Doses[0].ToVaccination() } };
            await (await second.ClinicAsync("clinic-b")).RecordVaccinationsAsync(dose);
            var viaFirst = (await (await first.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
            var viaSecond = (await (await second.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
            Assert.Equal(viaFirst, viaSecond);
            Assert.Single(viaFirst.Vaccinations);
        }

        Assert.Equal(2, await ActiveSilosAsync(database, clusterId));
        await first.DisposeAsync();
        await second.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }

    private static async Task<long> ActiveSilosAsync(string database, string clusterId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM membership_silo WHERE deployment_id = @cluster AND status = 3";
        command.Parameters.AddWithValue("cluster", clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
