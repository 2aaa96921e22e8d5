using Exchange.Testing.Hosting;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>A bad setting stops the hub at start with a message naming the key, instead of a stack trace later.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Start_PostgresWithoutConnectionString_ExitsWithCode2NamingTheKey()
    {
        var settings = HubSettings.Sqlite() with { PostgreSql = string.Empty };
        var environment = settings.Environment().ToDictionary();
        environment["Storage__Provider"] = "PostgreSql";

        var (exitCode, output) = await HubProcess.RunToExitAsync(environment, settings.DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("Storage:PostgreSql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownProvider_ExitsWithCode2NamingTheSectionAsItsFirstError()
    {
        var settings = HubSettings.Sqlite();
        var environment = settings.Environment().ToDictionary();
        environment["Storage__Provider"] = "Oracle";

        var (exitCode, output) = await HubProcess.RunToExitAsync(environment, settings.DataFolder);

        Assert.Equal(2, exitCode);
        var firstError = HubProcess.FirstError(output);
        Assert.StartsWith("Exchange hub cannot start:", firstError, StringComparison.Ordinal);
        Assert.Contains("'Storage'", firstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresServerNotListening_ExitsAndItsFirstErrorIsTheFailedStart()
    {
        var settings = HubSettings.Postgres($"Host=127.0.0.1;Port={FreePorts.Next()};Username=postgres;Database=none;Timeout=3");

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings.Environment(), settings.DataFolder);

        Assert.NotEqual(0, exitCode);
        var firstError = HubProcess.FirstError(output);
        Assert.StartsWith("fail:", firstError, StringComparison.Ordinal);
        Assert.Contains("Connection refused", firstError, StringComparison.Ordinal);
    }
}
