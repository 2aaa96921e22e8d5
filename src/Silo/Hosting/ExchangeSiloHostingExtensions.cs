using System.Net;
using Exchange.Silo.CodeMaps;
using Exchange.Silo.Quarantine;
using Exchange.Silo.Registry;
using Exchange.Silo.Schedule;
using Exchange.Silo.Search;
using Exchange.Silo.Grains;
using Exchange.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Exchange.Silo.Hosting;

public static class ExchangeSiloHostingExtensions
{
    /// <summary>
    /// Hosts the Orleans silo in this process: person and identifier grains on ADO.NET storage (SQLite by default,
    /// PostgreSQL by configuration), clustered through PostgreSQL when it is the store.
    /// </summary>
    /// <exception cref="ExchangeConfigurationException">A setting is missing or invalid.</exception>
    public static IHostApplicationBuilder AddExchangeSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = Bind<StorageOptions>(builder.Configuration, StorageOptions.Section);
        var cluster = Bind<ClusterNodeOptions>(builder.Configuration, ClusterNodeOptions.Section);
        var problems = storage.Problems().Concat(cluster.Problems()).ToList();
        if (problems.Count > 0)
        {
            throw new ExchangeConfigurationException(string.Join(Environment.NewLine, problems));
        }

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new StoredIdentifierIndex(storage.Provider, storage.ConnectionString, cluster.ServiceId));
        builder.Services.AddSingleton<PersonDirectory>();
        builder.Services.AddSingleton<IPersonSearch, SqlPersonSearch>();
        builder.Services.AddSingleton(ScheduleReadModel.Create);
        builder.Services.AddSingleton<CodeMapCache>();
        builder.Services.AddSingleton<IQuarantineStore>(_ => new SqlQuarantineStore(storage.Provider, storage.ConnectionString, cluster.ServiceId));
        if (storage.Provider == DatabaseKind.Sqlite)
        {
            builder.Services.AddHostedService(provider => new SqliteCheckpointer(
                storage.ConnectionString, SqliteCheckpointer.DefaultInterval, provider.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        }

        builder.UseOrleans(silo => ConfigureSilo(silo, storage, cluster));
        return builder;
    }

    private static void ConfigureSilo(ISiloBuilder silo, StorageOptions storage, ClusterNodeOptions cluster)
    {
        var invariant = AdoNetInvariants.For(storage.Provider);
        var connectionString = storage.ConnectionString;
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        if (storage.Provider == DatabaseKind.PostgreSql)
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = invariant;
                options.ConnectionString = connectionString;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        // A historic load registers over a thousand children a second, and a person grain stays active for five idle
        // minutes at about 35 KB (10,000 benchmark children: 495 MB resident): an hour's load would keep some 350,000
        // activations. Orleans sheds activations once memory use passes 80%, until it is back under 75% (stated here,
        // not left to the defaults, as the README promises them).
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.EnableActivationSheddingOnMemoryPressure = true;
            options.MemoryUsageLimitPercentage = 80;
            options.MemoryUsageTargetPercentage = 75;
        });
        silo.AddRecordsStorage(storage.Provider, connectionString);
        silo.Services.AddCanonicalModelSerialization();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstallerParticipant>();
    }

    /// <summary>The ADO.NET grain storage holding every record, on our SQL, with state stored as JSON.</summary>
    internal static ISiloBuilder AddRecordsStorage(this ISiloBuilder silo, DatabaseKind kind, string connectionString) =>
        silo.AddAdoNetGrainStorage(StorageNames.Records, options =>
        {
            options.Invariant = AdoNetInvariants.For(kind);
            options.GrainStorageSerializer = JsonGrainStateSerializer.For(kind);
            if (kind == DatabaseKind.Sqlite)
            {
                // Sets busy_timeout and synchronous=NORMAL on every new connection; query text cannot (P6).
                options.DataSource = new SqliteDataSource(connectionString);
            }
            else
            {
                options.ConnectionString = connectionString;
            }
        });

    /// <summary>
    /// Canonical-model values (no Orleans attributes) travel between silos as JSON, and are shared, not copied, inside
    /// one (<see cref="CanonicalModelCopier"/>).
    /// </summary>
    internal static IServiceCollection AddCanonicalModelSerialization(this IServiceCollection services)
    {
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSerializable: CanonicalModelCopier.Handles,
            isCopyable: static _ => false,
            configureOptions: options => options.Configure(json => json.SerializerOptions = ExchangeJson.Options)));
        services.AddSingleton<IGeneralizedCopier, CanonicalModelCopier>();
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            throw new ExchangeConfigurationException($"Configuration section '{section}' is invalid: {exception.Message}");
        }
    }
}
