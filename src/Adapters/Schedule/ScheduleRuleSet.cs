namespace Exchange.Adapters.Schedule;

/// <summary>
/// One edition of the immunization schedule, in force from <see cref="EffectiveFrom"/> until the next rule set takes over.
/// Built by <see cref="ScheduleLoader"/> from a rule file and the files it is based on.
/// </summary>
/// <param name="Id">File id, e.g. "nip-2021".</param>
/// <param name="Source">The document the rules encode.</param>
/// <param name="Vaccines">Every product the series refer to, by national 4-digit code.</param>
/// <param name="Series">In evaluation order: a series may refer to intervals of an earlier one.</param>
/// <param name="CatchUpBefore">Catch-up ends at this age (2021 edition: under 18 years).</param>
/// <param name="LiveInjectableSpacing">Minimum gap between two injectable live vaccines not given on the same day.</param>
public sealed record ScheduleRuleSet(
    string Id,
    string Title,
    string Source,
    DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, VaccineProduct> Vaccines,
    IReadOnlyList<Series> Series,
    CalendarSpan CatchUpBefore,
    CalendarSpan LiveInjectableSpacing)
{
    /// <summary>True for a live vaccine given by injection (not oral), the kind the 28-day spacing rule applies to.</summary>
    public bool IsInjectableLive(string vaccineCode) =>
        Vaccines.TryGetValue(vaccineCode, out var product) && product.Live && !product.Oral;
}

/// <summary>A product in the national 4-digit vaccine code table (facts §2.1).</summary>
public sealed record VaccineProduct
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public bool Live { get; init; }

    public bool Oral { get; init; }
}
