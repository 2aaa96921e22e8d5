using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;

namespace Exchange.Adapters.Tests.Schedule;

public class ScheduleLoaderTests
{
    [Fact]
    public void LoadEmbedded_ThreeRuleSetsOldestFirst()
    {
        var sets = ScheduleLoader.LoadEmbedded();

        Assert.Equal(["nip-2021", "nip-2025-dtap", "nip-2025-hpv"], sets.Select(s => s.Id));
    }

    [Theory]
    [InlineData("2021-03-01", "nip-2021")]
    [InlineData("2024-12-31", "nip-2021")]
    [InlineData("2025-01-01", "nip-2025-dtap")]
    [InlineData("2025-11-09", "nip-2025-dtap")]
    [InlineData("2025-11-10", "nip-2025-hpv")]
    [InlineData("2027-01-01", "nip-2025-hpv")]
    public void InForceOn_PicksLatestEffectiveSet(string date, string expected)
    {
        var rules = ScheduleLibrary.Embedded.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, rules?.Id);
    }

    [Fact]
    public void InForceOn_BeforeFirstSet_IsNullAndAssessFails()
    {
        var date = new DateOnly(2021, 2, 28);

        Assert.Null(ScheduleLibrary.Embedded.InForceOn(date));
        var result = ScheduleLibrary.Embedded.Assess(new ScheduleSubject(new DateOnly(2020, 1, 1), Sex.Male, []), date);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void LoadEmbedded_OverlaysReplaceAndRemoveSeries()
    {
        var sets = ScheduleLoader.LoadEmbedded().ToDictionary(s => s.Id);

        Assert.Equal(4, sets["nip-2021"].Series.Single(s => s.Id == "DTaP").Doses.Count);
        Assert.Contains(sets["nip-2021"].Series, s => s.Id == "DT");
        Assert.Equal(5, sets["nip-2025-dtap"].Series.Single(s => s.Id == "DTaP").Doses.Count);
        Assert.DoesNotContain(sets["nip-2025-dtap"].Series, s => s.Id == "DT");
        Assert.DoesNotContain(sets["nip-2025-dtap"].Series, s => s.Id == "HPV");
        Assert.Contains(sets["nip-2025-hpv"].Series, s => s.Id == "HPV");
        Assert.Equal(5, sets["nip-2025-hpv"].Series.Single(s => s.Id == "DTaP").Doses.Count);
        Assert.True(sets["nip-2025-hpv"].IsInjectableLive("1201"));
        Assert.False(sets["nip-2025-hpv"].IsInjectableLive("0311"));
    }

    [Theory]
    [InlineData("""{"id":"x","title":"t","effectiveFrom":"2030-01-01","series":[{"id":"S","name":"n","doses":[{"number":1,"products":["9999"],"minimumAge":"P1M"}]}]}""", "9999")]
    [InlineData("""{"id":"x","title":"t","effectiveFrom":"2030-01-01","vaccines":[{"code":"1","name":"v"}],"series":[{"id":"S","name":"n","doses":[{"number":2,"products":["1"],"minimumAge":"P1M"}]}]}""", "numbered 1")]
    [InlineData("""{"id":"x","title":"t","effectiveFrom":"2030-01-01","vaccines":[{"code":"1","name":"v"}],"series":[{"id":"S","name":"n","doses":[{"number":1,"products":["1"],"minimumAge":"1 month"}]}]}""", "calendar span")]
    [InlineData("""{"id":"x","title":"t","effectiveFrom":"2030-01-01","basedOn":"missing"}""", "missing")]
    public void Resolve_BadRuleFile_ThrowsInvalidData(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ScheduleLoader.Resolve([json]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
