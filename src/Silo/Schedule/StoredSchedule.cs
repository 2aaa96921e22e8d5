using System.Text.Json.Serialization;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;

namespace Exchange.Silo.Schedule;

/// <summary>
/// The schedule projection stored inside the person's grain state (key "schedule"), in short JSON names because it
/// is written with every record. The database triggers of 040-schedule-read-model.sql copy it into the read-model
/// tables (schedule_due, schedule_dose) in the same statement as the grain write, so the read model never lags an
/// acknowledged write and costs no extra round trip.
/// </summary>
/// <param name="Unit">Managing unit (10 digits); its first 6 digits are the county.</param>
/// <param name="Residence">1 local (本地), 2 mobile (流动); see <see cref="ResidenceTypes"/>.</param>
/// <param name="RegisterStatus">Register status code (在册情况), see <see cref="Adapters.Model.RegisterStatus"/>.</param>
public sealed record StoredSchedule(
    [property: JsonPropertyName("u")] string Unit,
    [property: JsonPropertyName("res")] int Residence,
    [property: JsonPropertyName("st")] int RegisterStatus,
    [property: JsonPropertyName("rs")] string RuleSet,
    [property: JsonPropertyName("on")] DateOnly ComputedOn,
    [property: JsonPropertyName("due")] IReadOnlyList<StoredDue> Due,
    [property: JsonPropertyName("doses")] IReadOnlyList<StoredDose> Doses)
{
    /// <summary>The projection of <paramref name="record"/> with the embedded rule sets, as of the record's last update (China date).</summary>
    public static StoredSchedule For(PersonRecord record) => For(record, ChinaCalendar.Today(record.UpdatedAt));

    /// <summary>
    /// The projection of <paramref name="record"/>, reusing <paramref name="previous"/> (the projection of
    /// <paramref name="previousRecord"/>) when nothing the schedule depends on changed on the same day: a new phone
    /// number, a merged duplicate dose or a transfer does not assess the child again.
    /// </summary>
    public static StoredSchedule For(PersonRecord record, PersonRecord? previousRecord, StoredSchedule? previous)
    {
        ArgumentNullException.ThrowIfNull(record);
        var today = ChinaCalendar.Today(record.UpdatedAt);
        if (previous is null || previousRecord is null || !SameScheduleFacts(record, previousRecord) || previous.ComputedOn != Clamp(today, record))
        {
            return For(record, today);
        }

        return previous with
        {
            Unit = record.Demographics.ManagingUnit,
            Residence = (int)ResidenceTypes.Of(record.Demographics),
            RegisterStatus = (int)record.RegisterStatus,
        };
    }

    public static StoredSchedule For(PersonRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        var subject = ScheduleSubject.From(record);
        var on = Clamp(today, record);
        var projection = ScheduleProjector.Project(ScheduleLibrary.Embedded, subject, on);
        return new StoredSchedule(
            record.Demographics.ManagingUnit,
            (int)ResidenceTypes.Of(record.Demographics),
            (int)record.RegisterStatus,
            projection.RuleSetId,
            projection.ComputedOn,
            projection.Due.Select(StoredDue.From).ToList(),
            projection.Doses.Select(StoredDose.From).ToList());
    }

    private static DateOnly Clamp(DateOnly today, PersonRecord record) =>
        today < record.Demographics.BirthDate ? record.Demographics.BirthDate : today;

    private static bool SameScheduleFacts(PersonRecord a, PersonRecord b) =>
        a.Demographics.BirthDate == b.Demographics.BirthDate
        && a.Demographics.Sex == b.Demographics.Sex
        && a.Vaccinations.Where(v => v.IsValid).Select(v => (v.Dose.VaccineCode, v.Dose.Date))
            .SequenceEqual(b.Vaccinations.Where(v => v.IsValid).Select(v => (v.Dose.VaccineCode, v.Dose.Date)));
}

/// <summary>A next dose (<see cref="ProjectedDue"/>) in short JSON names.</summary>
public sealed record StoredDue(
    [property: JsonPropertyName("s")] string Series,
    [property: JsonPropertyName("n")] int Dose,
    [property: JsonPropertyName("v")] string Vaccine,
    [property: JsonPropertyName("e")] DateOnly Earliest,
    [property: JsonPropertyName("r")] DateOnly Recommended,
    [property: JsonPropertyName("o")] DateOnly? Overdue,
    [property: JsonPropertyName("l")] DateOnly Latest)
{
    public static StoredDue From(ProjectedDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return new StoredDue(due.Series, due.Dose, due.Vaccine, due.Earliest, due.Recommended, due.Overdue, due.Latest);
    }
}

/// <summary>A scheduled-dose fact (<see cref="ProjectedDose"/>) in short JSON names.</summary>
public sealed record StoredDose(
    [property: JsonPropertyName("s")] string Series,
    [property: JsonPropertyName("n")] int Dose,
    [property: JsonPropertyName("f")] DateOnly EligibleFrom,
    [property: JsonPropertyName("g")] DateOnly? Given,
    [property: JsonPropertyName("t")] bool Timely,
    [property: JsonPropertyName("c")] bool GivenFromSevenYears)
{
    public static StoredDose From(ProjectedDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return new StoredDose(dose.Series, dose.Dose, dose.EligibleFrom, dose.Given, dose.Timely, dose.GivenFromSevenYears);
    }
}
