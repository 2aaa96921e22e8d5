using System.Diagnostics;
using System.Text;
using Exchange.Protos.V1;
using Grpc.Core.Interceptors;
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

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly GrpcChannel _channel;
    private bool _disposed;

    private HubProcess(HubSettings settings, Process process)
    {
        Settings = settings;
        _process = process;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.GrpcPort}");
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

    /// <summary>A clinic client that names itself as <paramref name="systemId"/>.</summary>
    public ClinicRecords.ClinicRecordsClient Clinic(string systemId = "clinic-test") =>
        new(_channel.Intercept(metadata =>
        {
            metadata.Add("x-exchange-system", systemId);
            return metadata;
        }));

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

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with code {_process.ExitCode} while starting:\n{Output}");
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
