using Exchange.Testing.Hosting;

namespace Exchange.Hub.Tests.Access;

/// <summary>A hub whose public-lookup limits are low enough to reach in a test.</summary>
public sealed class PublicLookupFixture : IAsyncLifetime
{
    public const int PerKeyLimit = 3;
    public const int PerClientLimit = 8;

    public HubProcess Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubProcess.StartAsync(HubSettings.Sqlite() with
    {
        Extra = new Dictionary<string, string>
        {
            ["Access__PublicLookup__PerKeyLimit"] = PerKeyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Access__PublicLookup__PerKeyWindow"] = "01:00:00",
            ["Access__PublicLookup__PerClientLimit"] = PerClientLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Access__PublicLookup__PerClientWindow"] = "01:00:00",
        },
    });

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
