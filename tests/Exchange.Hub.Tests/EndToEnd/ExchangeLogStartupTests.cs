using Exchange.Testing.Hosting;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Exchange-log settings that would break the law or the log stop the hub at start, naming the key.</summary>
public sealed class ExchangeLogStartupTests
{
    [Fact]
    public async Task Start_RetentionBelowSixMonths_ExitsWithCode2NamingTheKey()
    {
        var settings = HubSettings.Sqlite() with { Extra = new Dictionary<string, string> { ["Audit__RetentionDays"] = "30" } };

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("Audit:RetentionDays", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SigningKeyFileMissing_ExitsWithCode2NamingTheKey()
    {
        var settings = HubSettings.Sqlite() with { Extra = new Dictionary<string, string> { ["Audit__SigningKeyFile"] = "/nonexistent/key.pem" } };

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("Audit:SigningKeyFile", output, StringComparison.Ordinal);
    }
}
