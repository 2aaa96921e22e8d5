using Exchange.Testing.Hosting;

namespace Exchange.Hub.Tests.Access;

/// <summary>A bad Access setting stops the hub at start, naming the key and never echoing a key.</summary>
public sealed class AccessConfigurationTests
{
    [Fact]
    public async Task Start_MalformedBootstrapKey_ExitsWithCode2NamingTheKeyWithoutEchoingIt()
    {
        var settings = HubSettings.Sqlite() with { BootstrapAdminKey = "my-secret-password" };

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("Access:BootstrapAdminKey", output, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreadableLookupWindow_ExitsWithCode2NamingTheSection()
    {
        var settings = HubSettings.Sqlite() with { Extra = new Dictionary<string, string> { ["Access__PublicLookup__PerKeyWindow"] = "soon" } };

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("'Access'", output, StringComparison.Ordinal);
    }
}
