using Exchange.Silo.RateLimits;
using Exchange.Silo.Tests.Grains;

namespace Exchange.Silo.Tests.RateLimits;

/// <summary>The secret that names lookup quotas is random, and the same for the whole cluster across activations.</summary>
[Collection(ClusterCollection.Name)]
public class LookupKeySecretGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetAsync_AfterDeactivation_ReturnsTheStoredSecret()
    {
        var grain = fixture.Cluster.Client.GetGrain<ILookupKeySecretGrain>(0);
        var first = await grain.GetAsync();

        await fixture.Cluster.DeactivateAsync(grain);
        var again = await grain.GetAsync();

        Assert.Equal(32, first.Length);
        Assert.Contains(first, b => b != 0);
        Assert.Equal(first, again);
    }
}
