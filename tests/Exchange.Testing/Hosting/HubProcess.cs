using System.Diagnostics;
using System.Text;
using Exchange.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Testing.Hosting;

/// <summary>
/// The real hub, started as its own process from its build output on loopback ports, as an operator would run it.
/// Output is captured for diagnostics and for the personal-data log scan.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    /// <summary>Environment variable that overrides where the hub's build output is.</summary>
    public const string HubDllVariable = "EXCHANGE_HUB_DLL";

    private static readonly string[] ErrorStarts = ["fail:", "crit:", "Exchange hub cannot start:", "Unhandled exception."];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly GrpcChannel _channel;
    private readonly TestSystems _systems;
    private bool _disposed;

    private HubProcess(HubSettings settings, Process process)
    {
        Settings = settings;
        _process = process;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.GrpcPort}");
        _systems = new TestSystems(_channel, settings.BootstrapAdminKey);
    }

    public HubSettings Settings { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public HttpClient Http { get; } = new();

    public Uri HttpBase => new($"http://127.0.0.1:{Settings.HttpPort}");

    public GrpcChannel Channel => _channel;

    /// <summary>The access administration API as the bootstrap administrator.</summary>
    public AccessAdministration.AccessAdministrationClient Admin() => _systems.Admin();

    /// <summary>Calls carrying the bootstrap administrator's key (code maps, quarantine, access administration).</summary>
    public CallInvoker AdminCalls() => _systems.AdminCalls();

    /// <summary>
    /// The clinic API as clinic <paramref name="systemId"/>, registered and given a key on first use. Without a unit
    /// code the clinic reports for every unit of the synthetic population (so synthetic children with doses from
    /// several units can be sent); with one it is held to that unit.
    /// </summary>
    public async Task<ClinicRecords.ClinicRecordsClient> ClinicAsync(string systemId = "clinic-test", string? unitCode = null) =>
        new(await CallerAsync(TestSystems.Clinic(systemId, unitCode)));

    /// <summary>The clinic API as hospital system <paramref name="systemId"/> of unit <paramref name="unitCode"/>.</summary>
    public async Task<ClinicRecords.ClinicRecordsClient> HospitalAsync(string systemId, string unitCode) =>
        new(await CallerAsync(TestSystems.Clinic(systemId, unitCode, SystemRole.Hospital)));

    /// <summary>The public lookup as public-portal system <paramref name="systemId"/>.</summary>
    public async Task<PublicLookup.PublicLookupClient> PublicPortalAsync(string systemId = "portal-test") =>
        new(await CallerAsync(new SystemDefinition { SystemId = systemId, DisplayName = "Test portal", Role = SystemRole.PublicPortal }));

    /// <summary>
    /// The schedule reports as disease-control centre <paramref name="systemId"/> of region <paramref name="regionCode"/>
    /// (a GB/T 2260 province, city or county code), registered and given a key on first use.
    /// </summary>
    public async Task<ScheduleReports.ScheduleReportsClient> DiseaseControlAsync(string systemId, string regionCode) =>
        new(await CallerAsync(DiseaseControlDefinition(systemId, regionCode)));

    /// <summary>The definition <see cref="DiseaseControlAsync"/> registers a disease-control centre with.</summary>
    public static SystemDefinition DiseaseControlDefinition(string systemId, string regionCode) => new()
    {
        SystemId = systemId,
        DisplayName = $"Test CDC {regionCode}",
        Role = SystemRole.DiseaseControl,
        RegionCode = regionCode,
    };

    /// <summary>The definition <see cref="ClinicAsync"/> registers a clinic with.</summary>
    public static SystemDefinition ClinicDefinition(string systemId, string? unitCode = null) => TestSystems.Clinic(systemId, unitCode);

    /// <summary>Calls carrying the API key of the system (registered and given a key on first use).</summary>
    public async Task<CallInvoker> CallerAsync(SystemDefinition definition) => _systems.WithKey(await ApiKeyAsync(definition));

    /// <summary>An API key of the system, registering it on first use.</summary>
    public Task<string> ApiKeyAsync(SystemDefinition definition) => _systems.KeyAsync(definition);

    /// <summary>Calls carrying exactly this API key (or any bearer text).</summary>
    public CallInvoker WithKey(string apiKey) => _systems.WithKey(apiKey);

    public static async Task<HubProcess> StartAsync(HubSettings settings, CancellationToken cancellationToken = default)
    {
        var hub = new HubProcess(settings, Launch(settings.Environment(), settings.DataFolder));
        hub.CaptureOutput();
        await hub.WaitUntilHealthyAsync(cancellationToken);
        return hub;
    }

    /// <summary>Runs the hub with the given environment (and command-line arguments) until it exits by itself (e.g. refusing a bad setting, or after a command).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        using var process = Launch(environment, workingDirectory, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The hub kept running although it was expected to refuse its configuration.");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Ends the process abruptly, as kill -9 does: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        await File.WriteAllTextAsync(Path.Combine(Settings.DataFolder, "hub.log"), Output);
        _channel.Dispose();
        Http.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private static Process Launch(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        // EXCHANGE_HUB_DLL, when set, names the hub build to run (e.g. one built to a private artifacts folder).
        var hubDll = Environment.GetEnvironmentVariable(HubDllVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Exchange.Hub", RepositoryPaths.Configuration, "Exchange.Hub.dll");
        if (!File.Exists(hubDll))
        {
            throw new FileNotFoundException($"Build the hub first: {hubDll} is missing.", hubDll);
        }

        var start = new ProcessStartInfo("dotnet", [hubDll, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private void CaptureOutput()
    {
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// The first error the hub reported, with the lines under it: repeated last, since a long output is cut from the top.
    /// Errors are logged (fail:, crit:), a refused setting is printed by Program, and a crash by the runtime.
    /// </summary>
    public static string FirstError(string output)
    {
        var lines = output.Split('\n');
        var first = Array.FindIndex(lines, line => ErrorStarts.Any(start => line.StartsWith(start, StringComparison.Ordinal)));
        return first < 0 ? "(none reported)" : string.Join('\n', lines.Skip(first).Take(8));
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The hub exited with code {_process.ExitCode} while starting:\n{Output}\nIts first error:\n{FirstError(Output)}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(HttpBase, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        Kill();
        throw new TimeoutException($"The hub did not become healthy within {StartTimeout}:\n{Output}");
    }
}
