using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Postgres;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>
/// The public-lookup limits hold for the cluster, not per node: a portal whose lookups alternate between two nodes
/// of one PostgreSQL-clustered hub is stopped at the same count as on one node.
/// </summary>
public sealed class PublicLookupClusterTests : IAsyncLifetime
{
    private const int PerKeyLimit = 3;
    private const int PerClientLimit = 5;
    private string _database = null!;
    private HubProcess _first = null!;
    private HubProcess _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("lookupcluster");
        var clusterId = $"lookup-{Guid.NewGuid():N}";
        var limits = new Dictionary<string, string>
        {
            ["Access__PublicLookup__PerKeyLimit"] = PerKeyLimit.ToString(CultureInfo.InvariantCulture),
            ["Access__PublicLookup__PerKeyWindow"] = "01:00:00",
            ["Access__PublicLookup__PerClientLimit"] = PerClientLimit.ToString(CultureInfo.InvariantCulture),
            ["Access__PublicLookup__PerClientWindow"] = "01:00:00",
        };
        _first = await HubProcess.StartAsync(HubSettings.Postgres(_database, clusterId) with { Extra = limits });

        // Nodes of one cluster share the registry, so they are configured with the same first administrator.
        _second = await HubProcess.StartAsync(HubSettings.Postgres(_database, clusterId) with { Extra = limits, BootstrapAdminKey = _first.Settings.BootstrapAdminKey });
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ByCertificate_OneKeyAlternatingBetweenNodes_ExhaustedAfterTheClusterLimit()
    {
        var nodes = await PortalsAsync();
        var certificate = NewCertificate();

        for (var i = 0; i < PerKeyLimit; i++)
        {
            var miss = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[i % 2], certificate, NewEndUser()));
            Assert.True(miss.StatusCode == StatusCode.NotFound, miss.Status.ToString());
        }

        var onFirst = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[0], certificate, NewEndUser()));
        var onSecond = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[1], certificate, NewEndUser()));

        Assert.Equal((StatusCode.ResourceExhausted, StatusCode.ResourceExhausted), (onFirst.StatusCode, onSecond.StatusCode));
    }

    [Fact]
    public async Task ByCertificate_OneUserAlternatingBetweenNodes_ExhaustedAfterTheClusterLimit()
    {
        var nodes = await PortalsAsync();
        var user = NewEndUser();

        for (var i = 0; i < PerClientLimit; i++)
        {
            var miss = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[i % 2], NewCertificate(), user));
            Assert.True(miss.StatusCode == StatusCode.NotFound, miss.Status.ToString());
        }

        var onFirst = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[0], NewCertificate(), user));
        var onSecond = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(nodes[1], NewCertificate(), user));

        Assert.Equal((StatusCode.ResourceExhausted, StatusCode.ResourceExhausted), (onFirst.StatusCode, onSecond.StatusCode));
    }

    private async Task<Protos.V1.PublicLookup.PublicLookupClient[]> PortalsAsync() =>
        [await _first.PublicPortalAsync("portal-cluster"), await _second.PublicPortalAsync("portal-cluster")];

    private static async Task LookupAsync(Protos.V1.PublicLookup.PublicLookupClient portal, string certificate, Metadata endUser) =>
        await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = certificate }, endUser);

    private static Metadata NewEndUser() => new() { { "x-exchange-end-user", Guid.NewGuid().ToString("N") } };

    private static string NewCertificate() => "VC" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
}
