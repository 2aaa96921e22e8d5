using Exchange.Hub.Callers;
using Exchange.Silo.Access;

namespace Exchange.Hub.Tests.Access;

/// <summary>The caller a registered system acts as: its units, its region, built once per registry answer.</summary>
public sealed class CallerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_PlatformWithFurtherUnits_ServesEachOfThemAndNoOther()
    {
        var platform = new RegisteredSystem(
            "county-platform", "County platform", SystemRole.Clinic, "4201020001", null, ["4201020002", "4201060003"], true, Now, Now);

        var caller = Caller.Of(platform);

        Assert.True(caller.Serves("4201020001"));
        Assert.True(caller.Serves("4201060003"));
        Assert.False(caller.Serves("4201060004"));
        Assert.Equal("420102", caller.RegionCode);
        Assert.Same(caller, Caller.Of(platform));
    }
}
