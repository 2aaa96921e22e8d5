using System.Net;
using Exchange.Silo.Storage;
using Exchange.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Exchange.Silo.Tests.Storage;

public sealed class PostgreSqlClusteringTests
{
    private const string ClusterId = "clustering-test";

    [Fact]
    public async Task StartSilo_AdoNetClustering_RegistersActiveSiloAndServesClients()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql, "clustering");
        await SchemaInstaller.InstallAsync(DatabaseKind.PostgreSql, database.ConnectionString, CancellationToken.None);
        using var silo = BuildSilo(database.ConnectionString);

        await silo.StartAsync();
        var activeRows = await CountSilosAsync(database, status: 3);
        var gatewayRows = await database.ScalarAsync(
            "SELECT count(*) FROM membership_silo WHERE deployment_id = @id AND proxy_port > 0", ("id", ClusterId));
        var answer = await CallThroughExternalClientAsync(database.ConnectionString);
        await silo.StopAsync();
        var deadRows = await CountSilosAsync(database, status: 6);

        Assert.Equal(1L, activeRows);
        Assert.Equal(1L, gatewayRows);
        Assert.Equal("via-gateway", answer);
        Assert.Equal(1L, deadRows);
    }

    private static IHost BuildSilo(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = ClusterId;
            });
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariants.PostgreSql;
                options.ConnectionString = connectionString;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next());
            silo.AddMemoryGrainStorage(ProbeStorage.ProviderName);
        });
        return builder.Build();
    }

    // Exercises GatewaysQueryKey: an external client finds the silo's gateway through the membership table.
    private static async Task<string?> CallThroughExternalClientAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = ClusterId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariants.PostgreSql;
                options.ConnectionString = connectionString;
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grain = host.Services.GetRequiredService<IClusterClient>().GetGrain<IStringProbeGrain>("gateway-probe");
        await grain.WriteAsync("via-gateway");
        var value = (await grain.ReadAsync()).Value;
        await host.StopAsync();
        return value;
    }

    private static async Task<long> CountSilosAsync(TestDatabase database, int status) =>
        (long)(await database.ScalarAsync(
            "SELECT count(*) FROM membership_silo WHERE deployment_id = @id AND status = @status",
            ("id", ClusterId),
            ("status", status)))!;
}
