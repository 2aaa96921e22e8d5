namespace Exchange.Testing.Hosting;

/// <summary>How a test starts a hub node: storage, cluster and ports, as environment configuration.</summary>
public sealed record HubSettings(string DataFolder, string? PostgreSql = null, string ClusterId = "exchange-test", string ServiceId = "exchange-test")
{
    public int GrpcPort { get; init; } = FreePorts.Next();

    public int HttpPort { get; init; } = FreePorts.Next();

    public int SiloPort { get; init; } = FreePorts.Next();

    public int GatewayPort { get; init; } = FreePorts.Next();

    /// <summary>Server GC, as in production; tests run several hubs at once and turn it off to spare memory.</summary>
    public bool ServerGc { get; init; }

    /// <summary>
    /// The first administrator's API key (Access:BootstrapAdminKey), random per settings and kept across
    /// <see cref="Restarted"/>; the harness registers every other test system with it.
    /// </summary>
    public string BootstrapAdminKey { get; init; } = NewAdminKey();

    /// <summary>Further settings for one test, as environment variables (e.g. Access__PublicLookup__PerKeyLimit).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>A fresh SQLite node in its own temporary data folder.</summary>
    public static HubSettings Sqlite() => new(NewTempFolder());

    /// <summary>A PostgreSQL node; nodes sharing a database and cluster id form one cluster.</summary>
    public static HubSettings Postgres(string connectionString, string clusterId = "exchange-test") =>
        new(NewTempFolder(), connectionString, clusterId);

    /// <summary>
    /// The same node again (same data, same silo identity), e.g. after it was killed. Its client ports are new: the old
    /// ones are free while it is down, and another process may take one meanwhile (a restart in CI once failed with
    /// "address already in use").
    /// </summary>
    public HubSettings Restarted() => this with { GrpcPort = FreePorts.Next(), HttpPort = FreePorts.Next() };

    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = BaseEnvironment();
        foreach (var (key, value) in Extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    private Dictionary<string, string> BaseEnvironment() => new()
    {
        ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}",
        ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{HttpPort}",
        ["Storage__Provider"] = PostgreSql is null ? "Sqlite" : "PostgreSql",
        ["Storage__DataFolder"] = DataFolder,
        ["Storage__PostgreSql"] = PostgreSql ?? string.Empty,
        ["Cluster__ClusterId"] = ClusterId,
        ["Cluster__ServiceId"] = ServiceId,
        ["Cluster__SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster__GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Information",
        ["DOTNET_gcServer"] = ServerGc ? "1" : "0",
        ["Access__BootstrapAdminKey"] = BootstrapAdminKey,
    };

    private static string NewAdminKey() =>
        $"exk_testadmin_{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";

    private static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "exchange-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
