using Exchange.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Exchange.Silo.Hosting;

/// <summary>Applies the database schema and the providers' named queries before any provider reads them.</summary>
internal sealed class SchemaInstallerParticipant(IOptions<StorageOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstallerParticipant), ServiceLifecycleStage.First, InstallAsync);

    private Task InstallAsync(CancellationToken cancellationToken) =>
        SchemaInstaller.InstallAsync(options.Value.Provider, options.Value.ConnectionString, cancellationToken);
}
