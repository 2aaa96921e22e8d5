using System.Globalization;
using Exchange.Adapters.Normalization;
using Exchange.Silo.Schedule;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Schedule;

/// <summary>Read-model rows to wire messages.</summary>
internal static class ScheduleReportMapping
{
    public static V1.DueDose ToProto(this DueListEntry entry, DateOnly from) => new()
    {
        HubId = entry.HubId,
        Name = entry.Name ?? string.Empty,
        BirthDate = entry.BirthDate is { } birth ? CanonicalDates.Format(birth) : string.Empty,
        GuardianPhone = entry.GuardianPhone ?? string.Empty,
        ManagingUnit = entry.ManagingUnit,
        Series = entry.Series,
        Dose = entry.Dose,
        VaccineCode = entry.Vaccine,
        EarliestDate = CanonicalDates.Format(entry.Earliest),
        RecommendedDate = CanonicalDates.Format(entry.Recommended),
        OverdueDate = entry.Overdue is { } overdue ? CanonicalDates.Format(overdue) : string.Empty,
        LatestDate = CanonicalDates.Format(entry.Latest),
        Status = entry.Overdue is { } deadline && deadline <= from ? V1.DueStatus.Overdue : V1.DueStatus.Due,
    };

    /// <summary>
    /// The rows of the requested residence types, ordered; with no residence filter the local + mobile total of each
    /// dose is added (residence unspecified).
    /// </summary>
    public static IEnumerable<V1.CoverageRow> ToProto(IReadOnlyList<CoverageRow> rows, AreaLevel level, V1.ResidenceType residence)
    {
        var selected = residence == V1.ResidenceType.Unspecified
            ? rows.Concat(Totals(rows))
            : rows.Where(row => (int)row.Residence == (int)residence);
        return selected
            .OrderBy(row => row.Month)
            .ThenBy(row => row.AreaCode, StringComparer.Ordinal)
            .ThenBy(row => row.Series, StringComparer.Ordinal)
            .ThenBy(row => row.Dose)
            .ThenBy(row => row.Residence)
            .Select(row => ToProto(row, level));
    }

    private static IEnumerable<CoverageRow> Totals(IReadOnlyList<CoverageRow> rows) =>
        rows.GroupBy(row => (row.Month, row.AreaCode, row.Series, row.Dose))
            .Select(group => new CoverageRow(
                group.Key.Month, group.Key.AreaCode, 0, group.Key.Series, group.Key.Dose,
                group.Sum(row => row.Eligible), group.Sum(row => row.Vaccinated), group.Sum(row => row.TimelyVaccinated)));

    private static V1.CoverageRow ToProto(CoverageRow row, AreaLevel level) => new()
    {
        Month = row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        AreaCode = row.AreaCode,
        AreaLevel = (V1.AreaLevel)(int)level,
        Residence = (V1.ResidenceType)(int)row.Residence,
        Series = row.Series,
        Dose = row.Dose,
        Eligible = row.Eligible,
        Vaccinated = row.Vaccinated,
        Coverage = Ratio(row.Vaccinated, row.Eligible),
        TimelyVaccinated = row.TimelyVaccinated,
        TimelyCoverage = Ratio(row.TimelyVaccinated, row.Eligible),
    };

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
