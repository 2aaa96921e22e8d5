namespace Exchange.Silo.Schedule;

/// <summary>
/// Children of a unit or county with a dose due in [<see cref="From"/>, <see cref="To"/>]: the dose's recommended date
/// falls in the range, or (with <see cref="IncludeOutstanding"/>) it fell before the range and the dose can still be
/// given on <see cref="From"/>. Children no longer in the register (moved out, away, dead, deleted, vaccinated
/// elsewhere) are left out.
/// </summary>
public sealed record DueListQuery(Area Area, DateOnly From, DateOnly To, bool IncludeOutstanding, int PageSize, DueListKey? After);

/// <summary>Where a page ends: the sort key of its last entry.</summary>
public sealed record DueListKey(DateOnly Recommended, string HubId, string Series, int Dose);

/// <summary>One due dose of one child, with the contact details a clinic needs to call the family.</summary>
/// <param name="GuardianPhone">The guardian's phone, else the mother's; null when neither is recorded.</param>
public sealed record DueListEntry(
    string HubId,
    string? Name,
    DateOnly? BirthDate,
    string? GuardianPhone,
    string ManagingUnit,
    string Series,
    int Dose,
    string Vaccine,
    DateOnly Earliest,
    DateOnly Recommended,
    DateOnly? Overdue,
    DateOnly Latest)
{
    public DueListKey Key => new(Recommended, HubId, Series, Dose);
}

/// <summary>Coverage of one month in an area, per vaccine dose and residence type.</summary>
/// <param name="Level">The level the rows are rolled up to (e.g. a city broken down by county).</param>
public sealed record CoverageQuery(Area Area, AreaLevel Level, DateOnly FirstMonth, DateOnly LastMonth);

/// <summary>Eligible (应种), vaccinated (实种) and timely (及时) counts of one vaccine dose (facts §5.1).</summary>
public sealed record CoverageRow(
    DateOnly Month,
    string AreaCode,
    ResidenceType Residence,
    string Series,
    int Dose,
    long Eligible,
    long Vaccinated,
    long TimelyVaccinated);
