using Exchange.Silo.RateLimits;
using Exchange.Silo.Tests.Grains;

namespace Exchange.Silo.Tests.RateLimits;

/// <summary>A lookup quota counts up to its limit per window and then says how long until the window ends.</summary>
[Collection(ClusterCollection.Name)]
public class LookupQuotaGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TryAcquireAsync_OverTheLimit_RefusedUntilTheWindowEnds()
    {
        var quota = fixture.Cluster.Client.GetGrain<ILookupQuotaGrain>($"key:{Guid.NewGuid():N}");
        var window = TimeSpan.FromHours(1);

        var allowed = new[] { await quota.TryAcquireAsync(3, window), await quota.TryAcquireAsync(3, window), await quota.TryAcquireAsync(3, window) };
        var refused = await quota.TryAcquireAsync(3, window);
        var refusedAgain = await quota.TryAcquireAsync(3, window);

        Assert.All(allowed, retryAfter => Assert.Null(retryAfter));
        Assert.NotNull(refused);
        Assert.InRange(refused.Value, window - TimeSpan.FromMinutes(1), window);
        Assert.NotNull(refusedAgain);
    }

    [Fact]
    public async Task TryAcquireAsync_AfterTheWindow_CountsAfresh()
    {
        var quota = fixture.Cluster.Client.GetGrain<ILookupQuotaGrain>($"client:{Guid.NewGuid():N}");
        var window = TimeSpan.FromMilliseconds(300);
        await quota.TryAcquireAsync(1, window);
        Assert.NotNull(await quota.TryAcquireAsync(1, window));

        await Task.Delay(window + TimeSpan.FromMilliseconds(100));

        Assert.Null(await quota.TryAcquireAsync(1, window));
    }
}
