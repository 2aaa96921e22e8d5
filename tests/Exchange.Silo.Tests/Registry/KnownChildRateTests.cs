using Exchange.Silo.Registry;

namespace Exchange.Silo.Tests.Registry;

public sealed class KnownChildRateTests
{
    [Fact]
    public void WorthAskingFirst_NewNode_IsFalse() => Assert.False(new KnownChildRate().WorthAskingFirst);

    [Fact]
    public void WorthAskingFirst_AfterAFewKnownChildrenInARow_IsTrue()
    {
        var rate = new KnownChildRate();
        for (var i = 0; i < 3; i++)
        {
            rate.Observe(childWasKnown: true);
        }

        Assert.True(rate.WorthAskingFirst);
    }

    [Fact]
    public void WorthAskingFirst_OneKnownChildAmongManyNew_IsFalse()
    {
        var rate = new KnownChildRate();
        rate.Observe(childWasKnown: true);
        for (var i = 0; i < 40; i++)
        {
            rate.Observe(childWasKnown: false);
        }

        Assert.False(rate.WorthAskingFirst);
    }

    [Fact]
    public void WorthAskingFirst_ReSendingThenNewChildrenAgain_TurnsBackOff()
    {
        var rate = new KnownChildRate();
        for (var i = 0; i < 100; i++)
        {
            rate.Observe(childWasKnown: true);
        }

        var newUntilOff = 0;
        while (rate.WorthAskingFirst)
        {
            rate.Observe(childWasKnown: false);
            newUntilOff++;
        }

        Assert.InRange(newUntilOff, 20, 60);
    }
}
