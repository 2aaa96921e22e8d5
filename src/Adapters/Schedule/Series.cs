using Exchange.Adapters.Model;

namespace Exchange.Adapters.Schedule;

/// <summary>A vaccine series: the ordered doses that together complete protection against one disease (or one product line).</summary>
public sealed record Series
{
    /// <summary>Stable id used in results and cross-series intervals, e.g. "DTaP", "JE-L".</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>
    /// Series sharing a group are alternatives (JE-L or JE-I, HepA-L or HepA-I): the first with a recorded dose is
    /// followed, otherwise the first in file order is recommended and the others are not applicable.
    /// </summary>
    public string? AlternativeGroup { get; init; }

    /// <summary>Only children of this sex are eligible (HPV: female).</summary>
    public Sex? Sex { get; init; }

    /// <summary>Only children born on or after this date are eligible (HPV: 2011-11-10).</summary>
    public DateOnly? BornOnOrAfter { get; init; }

    public required IReadOnlyList<DoseRule> Doses { get; init; }

    public string? Note { get; init; }

    /// <summary>True when any dose of the series accepts the product.</summary>
    public bool Accepts(string vaccineCode) => AcceptedProducts.Contains(vaccineCode);

    // Built on first use: every dose evaluation asks it for every recorded dose.
    private HashSet<string> AcceptedProducts => field ??= Doses.SelectMany(d => d.Products).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The rule for one dose of a series. Ages are counted from the birth date.</summary>
public sealed record DoseRule
{
    /// <summary>Dose number within the series (polio 1–4 across IPV and bOPV, meningococcal 1–4 across MPSV-A and MPSV-AC).</summary>
    public required int Number { get; init; }

    /// <summary>National codes that count as this dose; the first is the product recommended in a forecast.</summary>
    public required IReadOnlyList<string> Products { get; init; }

    /// <summary>The age on the schedule table: officially the minimum age.</summary>
    public required CalendarSpan MinimumAge { get; init; }

    /// <summary>Recommended age when it differs from the minimum age; null means the minimum age.</summary>
    public CalendarSpan? RecommendedAge { get; init; }

    /// <summary>A dose given before this age is timely (及时); null means the schedule sets no deadline.</summary>
    public CalendarSpan? TimelyBefore { get; init; }

    /// <summary>From this age the dose is never given (BCG: 4 years).</summary>
    public CalendarSpan? NotGivenFrom { get; init; }

    /// <summary>A dose still missing at this age is skipped and the series moves to the next dose (MPSV-A from 24 months).</summary>
    public CalendarSpan? SkipFrom { get; init; }

    public IReadOnlyList<DoseInterval> Intervals { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>
    /// Rules that differ for a product counted as this dose (keyed by code): a conjugate meningococcal vaccine from
    /// 3 months, DT counted as a DTaP dose only from 6 years, historical measles-containing products only for older cohorts.
    /// </summary>
    public IReadOnlyDictionary<string, ProductRule> ProductRules { get; init; } = new Dictionary<string, ProductRule>();

    /// <summary>The product a forecast recommends.</summary>
    public string PreferredProduct => Products[0];

    /// <summary>This rule as it applies to a dose of <paramref name="vaccineCode"/>.</summary>
    public DoseRule ForProduct(string vaccineCode) =>
        ProductRules.TryGetValue(vaccineCode, out var product)
            ? this with
            {
                MinimumAge = product.MinimumAge ?? MinimumAge,
                Intervals = product.Intervals ?? Intervals,
                NotGivenFrom = product.NotGivenFrom ?? NotGivenFrom,
            }
            : this;

    /// <summary>
    /// The product to recommend to a child of <paramref name="birthDate"/> on <paramref name="date"/>: the one whose
    /// <see cref="ProductRule.PreferredFrom"/> age was reached most recently (DT from 6 years), else the first product.
    /// </summary>
    public string PreferredProductOn(DateOnly birthDate, DateOnly date)
    {
        var preferred = PreferredProduct;
        var since = DateOnly.MinValue;
        foreach (var (code, product) in ProductRules)
        {
            if (product.PreferredFrom is { } age && age.AddTo(birthDate) is var from && from <= date && from > since && CountsFor(code, birthDate))
            {
                (preferred, since) = (code, from);
            }
        }

        return preferred;
    }

    /// <summary>False when <paramref name="vaccineCode"/> counts for this dose only for children born before a date the child is not born before.</summary>
    public bool CountsFor(string vaccineCode, DateOnly birthDate) =>
        Products.Contains(vaccineCode)
        && !(ProductRules.TryGetValue(vaccineCode, out var product) && product.BornBefore is { } cohortEnd && birthDate >= cohortEnd);
}

/// <summary>How one product's dose differs from the dose rule; unset fields take the dose rule's value.</summary>
public sealed record ProductRule
{
    public CalendarSpan? MinimumAge { get; init; }

    public IReadOnlyList<DoseInterval>? Intervals { get; init; }

    /// <summary>The product counts only for children born before this date (MMR catch-up: measles-containing products before 2019-10-01).</summary>
    public DateOnly? BornBefore { get; init; }

    /// <summary>From this age the product does not count as this dose (a conjugate from 24 months counts as a later dose instead).</summary>
    public CalendarSpan? NotGivenFrom { get; init; }

    /// <summary>From this age a forecast recommends this product instead of the first one (DT for catch-up from 6 years).</summary>
    public CalendarSpan? PreferredFrom { get; init; }
}

/// <summary>
/// A required gap after an earlier dose of this series (or, with <see cref="FromSeries"/>, of an earlier series).
/// An interval to a dose that was never given, or was skipped, does not apply.
/// </summary>
public sealed record DoseInterval
{
    public required int FromDose { get; init; }

    public string? FromSeries { get; init; }

    public required CalendarSpan Minimum { get; init; }

    /// <summary>Where given, a dose later than this after <see cref="FromDose"/> is late.</summary>
    public CalendarSpan? Maximum { get; init; }
}
