using System.Text.Json;
using Exchange.Silo.Hosting;
using Exchange.Silo.Schedule;

namespace Exchange.Silo.Tests.Schedule;

public sealed class StoredDoseJsonConverterTests
{
    [Fact]
    public void Write_GivenTimelyDose_IsOneStringOfFixedLayout()
    {
        var dose = new StoredDose("HepB", 1, new DateOnly(2020, 12, 9), new DateOnly(2020, 12, 16), Timely: true, GivenFromSevenYears: false);

        Assert.Equal("\"2020-12-09 2020-12-16 t- 1 HepB\"", JsonSerializer.Serialize(dose, ExchangeJson.Options));
    }

    [Fact]
    public void Write_DoseNotGiven_HasDashesForTheDateAndBothFlags()
    {
        var dose = new StoredDose("JE-L", 12, new DateOnly(2026, 12, 9), null, Timely: false, GivenFromSevenYears: false);

        Assert.Equal("\"2026-12-09 ---------- -- 12 JE-L\"", JsonSerializer.Serialize(dose, ExchangeJson.Options));
    }

    [Theory]
    [InlineData("HepB", 1, "2020-12-16", true, false)]
    [InlineData("DTaP", 5, null, false, false)]
    [InlineData("HepA-L", 2, "2030-01-31", false, true)]
    public void Read_WhatWriteWrote_IsTheSameFact(string series, int number, string? given, bool timely, bool fromSeven)
    {
        var dose = new StoredDose(series, number, new DateOnly(2020, 12, 9), given is null ? null : DateOnly.Parse(given, System.Globalization.CultureInfo.InvariantCulture), timely, fromSeven);

        Assert.Equal(dose, JsonSerializer.Deserialize<StoredDose>(JsonSerializer.Serialize(dose, ExchangeJson.Options), ExchangeJson.Options));
    }

    [Fact]
    public void Read_ObjectFormOfEarlierStates_IsTheSameFact()
    {
        const string Stored = """[{"s":"MMR","n":2,"f":"2022-06-09","g":"2022-08-25","t":true,"c":false},{"s":"Men","n":4,"f":"2026-12-09","t":false,"c":false}]""";

        var doses = JsonSerializer.Deserialize<StoredDose[]>(Stored, ExchangeJson.Options)!;

        Assert.Equal(
            [
                new StoredDose("MMR", 2, new DateOnly(2022, 6, 9), new DateOnly(2022, 8, 25), true, false),
                new StoredDose("Men", 4, new DateOnly(2026, 12, 9), null, false, false),
            ],
            doses);
    }

    [Theory]
    [InlineData("\"2020-12-09 2020-12-16 t- 1\"")]
    [InlineData("\"2020-12-09 2020-12-16 t- x HepB\"")]
    [InlineData("\"2020-13-09 2020-12-16 t- 1 HepB\"")]
    [InlineData("\"2020-12-09 2020-12-xx t- 1 HepB\"")]
    [InlineData("\"2020-12-09\"")]
    [InlineData("3")]
    public void Read_NotADoseFact_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StoredDose>(json, ExchangeJson.Options));
    }

    [Fact]
    public void Write_SeriesIdWithASpace_ThrowsJsonException()
    {
        var dose = new StoredDose("Hep B", 1, new DateOnly(2020, 12, 9), null, false, false);

        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(dose, ExchangeJson.Options));
    }
}
