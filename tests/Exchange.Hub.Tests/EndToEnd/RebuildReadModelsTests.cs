using Exchange.Protos.V1;
using Exchange.Silo.Storage;
using Exchange.Testing.Hosting;
using Microsoft.Data.Sqlite;
using static Exchange.Hub.Tests.EndToEnd.ScheduleReportClients;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>The operator's rebuild command brings a lost read model back from the stored records.</summary>
public sealed class RebuildReadModelsTests
{
    [Fact]
    public async Task RebuildReadModels_RowsDeletedWhileStopped_DueListIsBackAfterRestart()
    {
        var settings = HubSettings.Sqlite();
        var born = new DateOnly(2026, 10, 1);
        var request = new ListDueRequest { AreaCode = "4201130001", FromDate = "2026-11-01", ToDate = "2026-11-07" };
        ListDueResponse before;
        await using (var hub = await HubProcess.StartAsync(settings))
        {
            await (await hub.ClinicAsync("clinic-4201130001", "4201130001")).RegisterChildAsync(Child(born, "4201130001", "420113", ("0202", 1, born)));
            before = await (await hub.ReportsAsync()).ListDueAsync(request);
        }

        await using (var connection = new SqliteConnection(SqliteConnectionStrings.ForDataFolder(settings.DataFolder)))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM schedule_due; DELETE FROM schedule_coverage;";
            await delete.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder, "rebuild-read-models");

        Assert.True(exitCode == 0, output);
        await using var restarted = await HubProcess.StartAsync(settings.Restarted());
        var after = await (await restarted.ReportsAsync()).ListDueAsync(request);
        Assert.Equal(("HepB", 2), (Assert.Single(before.Doses).Series, before.Doses[0].Dose));
        Assert.Equal(before, after);
    }
}
