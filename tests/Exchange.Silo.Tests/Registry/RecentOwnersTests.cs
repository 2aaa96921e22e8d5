using Exchange.Silo.Registry;

namespace Exchange.Silo.Tests.Registry;

public class RecentOwnersTests
{
    [Fact]
    public void Find_RememberedKey_ReturnsItsHubId()
    {
        var owners = new RecentOwners(generationSize: 10);
        owners.Remember("1:A", "hub-a");

        Assert.Equal("hub-a", owners.Find("1:A"));
        Assert.Null(owners.Find("1:B"));
    }

    [Fact]
    public void Find_KeyOfThePreviousGeneration_IsStillFoundAndCarriedForward()
    {
        var owners = new RecentOwners(generationSize: 2);
        owners.Remember("1:A", "hub-a");
        owners.Remember("1:B", "hub-b");
        owners.Remember("1:C", "hub-c");

        Assert.Equal("hub-a", owners.Find("1:A"));
        owners.Remember("1:D", "hub-d");
        owners.Remember("1:E", "hub-e");

        Assert.Equal("hub-a", owners.Find("1:A"));
        Assert.Null(owners.Find("1:B"));
    }
}
