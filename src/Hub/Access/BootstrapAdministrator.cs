using Exchange.Silo.Access;
using Exchange.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Exchange.Hub.Access;

/// <summary>
/// Makes sure the hub can be administered from its first start: when the registry has no administrator with a usable
/// credential, the configured <see cref="AccessOptions.BootstrapAdminKey"/> becomes the key of system
/// "bootstrap-admin"; without one, a key is generated and written to &lt;DataFolder&gt;/bootstrap-admin.key, readable
/// by the owner only. The key itself is never logged.
/// </summary>
internal sealed partial class BootstrapAdministrator(
    IGrainFactory grains, IOptions<AccessOptions> access, IOptions<StorageOptions> storage, TimeProvider time, ILogger<BootstrapAdministrator> logger)
    : IHostedService
{
    public const string KeyFileName = "bootstrap-admin.key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = access.Value.BootstrapAdminKey;
        var (keyId, secret, key) = string.IsNullOrEmpty(configured) ? ApiKeyFormat.Generate() : Parse(configured);
        var apiKey = new ApiKey(keyId, AccessRules.BootstrapSystemId, ApiKeyFormat.Hash(secret), time.GetUtcNow(), null, null);
        var registry = grains.GetGrain<IAccessRegistryGrain>(IAccessRegistryGrain.Key);
        if (!await registry.BootstrapAdministratorAsync(apiKey))
        {
            return;
        }

        if (!string.IsNullOrEmpty(configured))
        {
            Log.ConfiguredKeyInstalled(logger, AccessRules.BootstrapSystemId);
            return;
        }

        var path = Path.Combine(Path.GetFullPath(storage.Value.DataFolder), KeyFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteOwnerOnlyAsync(path, key + Environment.NewLine, cancellationToken);
        Log.GeneratedKeyWritten(logger, AccessRules.BootstrapSystemId, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The setting was checked at start (AccessOptions.Problems).
    private static (string KeyId, string Secret, string Key) Parse(string key) =>
        ApiKeyFormat.TryParse(key, out var keyId, out var secret) ? (keyId, secret, key) : throw new InvalidOperationException("Access:BootstrapAdminKey is not an API key.");

    private static async Task WriteOwnerOnlyAsync(string path, string content, CancellationToken cancellationToken)
    {
        // A fresh file, so an earlier file's looser permissions never hold the new key.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(content.AsMemory(), cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "No administrator was registered: created system {System} with the key from Access:BootstrapAdminKey")]
        public static partial void ConfiguredKeyInstalled(ILogger logger, string system);

        [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "No administrator was registered: created system {System}; its API key is in {Path} (owner-only). Register your own administrator and revoke this key.")]
        public static partial void GeneratedKeyWritten(ILogger logger, string system, string path);
    }
}
