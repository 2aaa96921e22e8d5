using System.Text.Json.Serialization;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;

namespace Exchange.Silo.Schedule;

/// <summary>
/// The schedule projection stored inside the person's grain state (key "schedule"), in short JSON names because it
/// is written with every record. Database triggers (060-person-state-triggers.sql on PostgreSQL,
/// 040-schedule-read-model.sql on SQLite) copy it into the read-model tables (due doses and coverage) in the
/// same statement as the grain write, so the read model never lags an acknowledged write and costs no extra round trip.
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
    /// <summary>
    /// The projection of <paramref name="record"/>, reusing <paramref name="previous"/> (the projection of
    /// <paramref name="previousRecord"/>) when nothing the schedule depends on changed on the same day: a new phone
    /// number, a merged duplicate dose or a transfer does not assess the child again.
    /// </summary>
    public static StoredSchedule For(PersonRecord record, PersonRecord? previousRecord, StoredSchedule? previous)
    {
        ArgumentNullException.ThrowIfNull(record);
        var subject = ScheduleSubject.From(record);
        var on = AssessedOn(record, ChinaCalendar.Today(record.UpdatedAt));
        return previous is not null && previousRecord is not null && previous.ComputedOn == on
            && subject.HasSameFacts(ScheduleSubject.From(previousRecord))
            ? Of(record, previous.RuleSet, previous.ComputedOn, previous.Due, previous.Doses)
            : Project(record, subject, on);
    }

    /// <summary>The projection of <paramref name="record"/> with the embedded rule sets, as of <paramref name="today"/>.</summary>
    public static StoredSchedule For(PersonRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Project(record, ScheduleSubject.From(record), AssessedOn(record, today));
    }

    private static StoredSchedule Project(PersonRecord record, ScheduleSubject subject, DateOnly on)
    {
        var projection = ScheduleProjector.Project(ScheduleLibrary.Embedded, subject, on);
        return Of(record, projection.RuleSetId, projection.ComputedOn,
            projection.Due.Select(StoredDue.From).ToList(), projection.Doses.Select(StoredDose.From).ToList());
    }

    // The record's unit, residence type and register status are copied at every write, projected or not.
    private static StoredSchedule Of(PersonRecord record, string ruleSet, DateOnly on, IReadOnlyList<StoredDue> due, IReadOnlyList<StoredDose> doses) =>
        new(record.Demographics.ManagingUnit, (int)ResidenceTypes.Of(record.Demographics), (int)record.RegisterStatus, ruleSet, on, due, doses);

    // A child is not assessed before birth (a record may be registered ahead of a late-entered birth date).
    private static DateOnly AssessedOn(PersonRecord record, DateOnly today) =>
        today < record.Demographics.BirthDate ? record.Demographics.BirthDate : today;
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

/// <summary>A scheduled-dose fact (<see cref="ProjectedDose"/>), stored as one short string (<see cref="StoredDoseJsonConverter"/>).</summary>
[JsonConverter(typeof(StoredDoseJsonConverter))]
public sealed record StoredDose(string Series, int Dose, DateOnly EligibleFrom, DateOnly? Given, bool Timely, bool GivenFromSevenYears)
{
    public static StoredDose From(ProjectedDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return new StoredDose(dose.Series, dose.Dose, dose.EligibleFrom, dose.Given, dose.Timely, dose.GivenFromSevenYears);
    }
}
