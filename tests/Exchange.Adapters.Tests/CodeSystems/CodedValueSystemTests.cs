using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;

namespace Exchange.Adapters.Tests.CodeSystems;

public class CodedValueSystemTests
{
    private static readonly HubCodeSystems Codes = HubCodeSystems.Default;

    [Fact]
    public void Sexes_EveryMember_RoundTripsThroughGbt22611Code()
    {
        AssertRoundTrip(Codes.Sexes);
        Assert.Equal(["0", "1", "2", "9"], Codes.Sexes.Entries.Select(e => e.Code));
        Assert.Equal("男性", Codes.Sexes.Find("1")?.Name);
    }

    [Fact]
    public void Routes_EveryMember_RoundTrips()
    {
        AssertRoundTrip(Codes.Routes);
        Assert.Equal("IM", Codes.Routes.EntryOf(Route.Intramuscular).Hl7);
    }

    [Fact]
    public void Sites_EveryMember_RoundTrips()
    {
        AssertRoundTrip(Codes.Sites);
        Assert.Equal("LA", Codes.Sites.EntryOf(Site.LeftUpperArm).Hl7);
    }

    [Fact]
    public void VaccinationKinds_EveryMember_RoundTrips()
    {
        AssertRoundTrip(Codes.VaccinationKinds);
        Assert.Equal("加强", Codes.VaccinationKinds.EntryOf(VaccinationKind.Booster).Name);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("M")]
    public void TryParse_UnknownSexCode_ReturnsFalse(string code)
    {
        Assert.False(Codes.Sexes.TryParse(code, out _));
        Assert.Null(Codes.Sexes.Find(code));
    }

    private static void AssertRoundTrip<TEnum>(CodedValueSystem<TEnum> system)
        where TEnum : struct, Enum
    {
        var members = Enum.GetValues<TEnum>();
        Assert.Equal(members.Length, system.Entries.Count);
        foreach (var member in members)
        {
            var code = system.CodeOf(member);

            // The hub code of each member is its enum value, so the model and the tables cannot drift apart.
            Assert.Equal(Convert.ToInt32(member, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), code);
            Assert.True(system.TryParse(code, out var parsed));
            Assert.Equal(member, parsed);
            Assert.False(string.IsNullOrEmpty(system.EntryOf(member).Name));
        }
    }
}
