using Exchange.Adapters.Model;

namespace Exchange.Adapters.Schedule;

/// <summary>A recorded dose as the schedule engine sees it: what was given and when.</summary>
/// <param name="EventId">The canonical event id, when the dose comes from a record.</param>
public sealed record GivenDose(string VaccineCode, DateOnly Date, string? EventId = null)
{
    public static GivenDose From(VaccinationEvent vaccination)
    {
        ArgumentNullException.ThrowIfNull(vaccination);
        return new GivenDose(vaccination.Dose.VaccineCode, vaccination.Dose.Date, vaccination.EventId);
    }
}

/// <summary>The facts about a child that the schedule depends on.</summary>
public sealed record ScheduleSubject(DateOnly BirthDate, Sex Sex, IReadOnlyList<GivenDose> Doses)
{
    /// <summary>The subject for a canonical person record; events marked entered-in-error are not doses the child had.</summary>
    public static ScheduleSubject From(PersonRecord person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ScheduleSubject(
            person.Demographics.BirthDate,
            person.Demographics.Sex,
            person.Vaccinations.Where(vaccination => vaccination.IsValid).Select(GivenDose.From).ToList());
    }

    /// <summary>True when the schedule would assess both alike: same birth date, sex and doses (by event, product and date).</summary>
    public bool HasSameFacts(ScheduleSubject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BirthDate == other.BirthDate && Sex == other.Sex && Doses.SequenceEqual(other.Doses);
    }

    /// <summary>The date the child reaches <paramref name="age"/>.</summary>
    public DateOnly DateAtAge(CalendarSpan age) => age.AddTo(BirthDate);
}
