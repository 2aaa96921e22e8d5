using Exchange.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Silo.Audit;

public static class ExchangeLogHostingExtensions
{
    /// <summary>
    /// The exchange log in the grain-state database: the recorder every edge awaits (<see cref="IExchangeRecorder"/>),
    /// the reader, verifier and pruner behind the auditor API, and periodic pruning. Call after AddExchangeSilo, so
    /// the writer starts after the schema is installed and stops (flushing its queue) before the silo does.
    /// </summary>
    /// <exception cref="ExchangeConfigurationException">An Audit setting is invalid.</exception>
    public static IHostApplicationBuilder AddExchangeLog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AuditOptions options;
        try
        {
            options = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        }
        catch (InvalidOperationException exception)
        {
            throw new ExchangeConfigurationException($"Configuration section '{AuditOptions.Section}' is invalid: {exception.Message}");
        }

        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ExchangeConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var cluster = builder.Configuration.GetSection(ClusterNodeOptions.Section).Get<ClusterNodeOptions>() ?? new ClusterNodeOptions();
        var chainId = string.IsNullOrWhiteSpace(options.ChainId) ? $"{cluster.AdvertisedAddress}:{cluster.SiloPort}" : options.ChainId.Trim();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new ExchangeLogDatabase(storage.Provider, storage.ConnectionString);
        });
        services.AddSingleton<ExchangeLogStore>();
        services.AddSingleton<ExchangeLogReader>();
        services.AddSingleton<ExchangeLogVerifier>();
        services.AddSingleton<ExchangeLogPruner>();
        if (!options.Enabled)
        {
            services.AddSingleton<IExchangeRecorder, DisabledExchangeRecorder>();
            return builder;
        }

        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new CheckpointSigner(SigningKeys.Load(options.SigningKeyFile, storage.DataFolder));
        });
        services.AddSingleton(provider => new ExchangeLogWriter(
            provider.GetRequiredService<ExchangeLogStore>(),
            provider.GetRequiredService<CheckpointSigner>(),
            chainId,
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ExchangeLogWriter>>()));
        services.AddSingleton<IExchangeRecorder>(provider => provider.GetRequiredService<ExchangeLogWriter>());
        services.AddHostedService(provider => provider.GetRequiredService<ExchangeLogWriter>());
        services.AddHostedService<ExchangeLogRetention>();
        return builder;
    }
}
