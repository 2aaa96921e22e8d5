using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>Children and histories shared by the schedule tests.</summary>
internal static class ScheduleTestData
{
    /// <summary>Born on the 31st so that month ages clamp (1 month = 2016-02-29); 7 years old on 2023-01-31, under the 2021 set.</summary>
    public static readonly DateOnly Birth = new(2016, 1, 31);

    public static readonly DateOnly SevenYears = new(2023, 1, 31);

    /// <summary>Every dose of the 2021 table at its schedule age: series, dose, code, months, extra days.</summary>
    public static readonly (string Series, int Dose, string Code, int Months, int Days)[] Table2021 =
    [
        ("HepB", 1, "0202", 0, 0), ("HepB", 2, "0202", 1, 0), ("HepB", 3, "0202", 6, 0),
        ("BCG", 1, "0101", 0, 0),
        ("Polio", 1, "0303", 2, 0), ("Polio", 2, "0303", 3, 0), ("Polio", 3, "0311", 4, 0), ("Polio", 4, "0311", 48, 0),
        ("DTaP", 1, "0402", 3, 0), ("DTaP", 2, "0402", 4, 0), ("DTaP", 3, "0402", 5, 0), ("DTaP", 4, "0402", 18, 0),
        ("DT", 1, "0601", 72, 0),
        ("MMR", 1, "1201", 8, 0), ("MMR", 2, "1201", 18, 0),
        ("JE-L", 1, "1801", 8, 0), ("JE-L", 2, "1801", 24, 0),
        ("JE-I", 1, "1802", 8, 0), ("JE-I", 2, "1802", 8, 7), ("JE-I", 3, "1802", 24, 0), ("JE-I", 4, "1802", 72, 0),
        ("Men", 1, "1601", 6, 0), ("Men", 2, "1601", 9, 0), ("Men", 3, "1701", 36, 0), ("Men", 4, "1701", 72, 0),
        ("HepA-L", 1, "1901", 18, 0),
        ("HepA-I", 1, "1903", 18, 0), ("HepA-I", 2, "1903", 24, 0),
    ];

    public static ScheduleLibrary Library => ScheduleLibrary.Embedded;

    /// <summary>The on-schedule history, following the live (JE-L, HepA-L) or the inactivated (JE-I, HepA-I) alternatives.</summary>
    public static List<GivenDose> OnSchedule(bool inactivatedAlternatives) =>
        Table2021
            .Where(r => inactivatedAlternatives
                ? r.Series is not ("JE-L" or "HepA-L")
                : r.Series is not ("JE-I" or "HepA-I"))
            .Select(r => new GivenDose(r.Code, Birth.AddMonths(r.Months).AddDays(r.Days), Id(r.Series, r.Dose)))
            .ToList();

    public static bool UsesInactivated(string series) => series is "JE-I" or "HepA-I";

    public static string Id(string series, int dose) => FormattableString.Invariant($"{series}-{dose}");

    /// <summary>Doses written "code:age", e.g. "0202:P1M", for a child born on <see cref="Birth"/>.</summary>
    public static List<GivenDose> Doses(params string[] doses) =>
        doses.Select((d, i) =>
        {
            var parts = d.Split(':');
            Assert.True(CalendarSpan.TryParse(parts[1], out var age), d);
            return new GivenDose(parts[0], age.AddTo(Birth), FormattableString.Invariant($"d{i}"));
        }).ToList();

    public static ScheduleAssessment Assess(DateOnly birth, Sex sex, IReadOnlyList<GivenDose> doses, DateOnly assessedOn)
    {
        var result = Library.Assess(new ScheduleSubject(birth, sex, doses), assessedOn);
        Assert.True(result.Succeeded, string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Value;
    }

    public static ScheduleAssessment Assess(IReadOnlyList<GivenDose> doses, DateOnly assessedOn) =>
        Assess(Birth, Sex.Female, doses, assessedOn);

    public static DoseEvaluation EvaluationOf(ScheduleAssessment assessment, string series, string eventId) =>
        Assert.Single(assessment.Evaluations, e => e.SeriesId == series && e.Dose.EventId == eventId);

    public static SeriesForecast Forecast(ScheduleAssessment assessment, string series)
    {
        var forecast = assessment.ForSeries(series);
        Assert.NotNull(forecast);
        return forecast;
    }
}
