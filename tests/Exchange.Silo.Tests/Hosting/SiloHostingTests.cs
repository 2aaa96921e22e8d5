using Exchange.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Exchange.Silo.Tests.Hosting;

public sealed class SiloHostingTests
{
    [Fact]
    public void AddExchangeSilo_ShedsIdleActivationsUnderMemoryPressure()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "exchange-tests", Guid.NewGuid().ToString("N")),
        });

        builder.AddExchangeSilo();
        using var host = builder.Build();

        var collection = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        Assert.True(collection.EnableActivationSheddingOnMemoryPressure);
        // The thresholds the README states: shedding from 80% memory use, down to 75%.
        Assert.Equal((80d, 75d), (collection.MemoryUsageLimitPercentage, collection.MemoryUsageTargetPercentage));
    }
}
