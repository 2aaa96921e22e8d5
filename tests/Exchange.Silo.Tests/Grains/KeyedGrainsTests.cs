using Exchange.Silo.Grains;

namespace Exchange.Silo.Tests.Grains;

[Collection(ClusterCollection.Name)]
public class KeyedGrainsTests(ClusterFixture fixture)
{
    [Fact]
    public void Get_AfterTheFirstReference_NamesTheSameGrainAsTheFactory()
    {
        var grains = new KeyedGrains<IPersonGrain>(fixture.Cluster.Client);
        string[] keys = ["first", "0193a1b2c3d4e5f60718293a4b5c6d7e", "key with spaces", "末尾"];

        foreach (var key in keys)
        {
            var made = (GrainReference)(object)grains.Get(key);
            var expected = (GrainReference)(object)fixture.Cluster.Client.GetGrain<IPersonGrain>(key);
            Assert.Equal(expected.GrainId, made.GrainId);
            Assert.Equal(expected.InterfaceType, made.InterfaceType);
        }
    }

    [Fact]
    public async Task Get_ReferenceAfterTheFirst_ReachesTheRecordWrittenThroughTheDirectory()
    {
        var directory = fixture.NewDirectory();
        var child = fixture.NextChild();
        var registered = await directory.RegisterAsync(ClusterFixture.Register("clinic", "m-1", ClusterFixture.RegistrationOf(child)));
        var grains = new KeyedGrains<IPersonGrain>(fixture.Cluster.Client);
        grains.Get("warm-up");

        var record = await grains.Get(registered.HubId).GetAsync();

        Assert.NotNull(record);
        Assert.Equal(registered.HubId, record.HubId);
    }
}
