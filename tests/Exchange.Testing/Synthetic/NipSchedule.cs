using System.Globalization;

namespace Exchange.Testing.Synthetic;

/// <summary>
/// One scheduled dose of the NIP 2021 childhood schedule (facts file §1.2). Doses of one <see cref="Series"/>
/// keep their order and minimum intervals; <see cref="Manufacturers"/> are synthetic 2-digit codes.
/// </summary>
internal sealed record ScheduledDose(string VaccineCode, int DoseNumber, int AgeMonths, int Series, string[] Manufacturers)
{
    public int VaccineNumber { get; } = int.Parse(VaccineCode, CultureInfo.InvariantCulture);
}

/// <summary>
/// The NIP 2021 schedule with the live JE and HepA products, in order of age. The schedule ages already
/// respect each series' minimum intervals, so a generator that never delays a dose less than the previous
/// dose of its series keeps them.
/// </summary>
internal static class NipSchedule
{
    public const int SeriesCount = 9;

    private static readonly string[] Bcg = ["01"];
    private static readonly string[] HepB = ["02", "05", "11"];
    private static readonly string[] Ipv = ["03", "12"];
    private static readonly string[] Bopv = ["03", "06"];
    private static readonly string[] Dtap = ["04", "07"];
    private static readonly string[] Dt = ["04"];
    private static readonly string[] Mmr = ["08"];
    private static readonly string[] JeLive = ["09"];
    private static readonly string[] Meningococcal = ["10", "13"];
    private static readonly string[] HepALive = ["14", "15"];

    public static readonly ScheduledDose[] Doses =
    [
        new("0202", 1, 0, 0, HepB),
        new("0101", 1, 0, 1, Bcg),
        new("0202", 2, 1, 0, HepB),
        new("0303", 1, 2, 2, Ipv),
        new("0303", 2, 3, 2, Ipv),
        new("0402", 1, 3, 3, Dtap),
        new("0311", 3, 4, 2, Bopv),
        new("0402", 2, 4, 3, Dtap),
        new("0402", 3, 5, 3, Dtap),
        new("0202", 3, 6, 0, HepB),
        new("1601", 1, 6, 7, Meningococcal),
        new("1201", 1, 8, 5, Mmr),
        new("1801", 1, 8, 6, JeLive),
        new("1601", 2, 9, 7, Meningococcal),
        new("0402", 4, 18, 3, Dtap),
        new("1201", 2, 18, 5, Mmr),
        new("1901", 1, 18, 8, HepALive),
        new("1801", 2, 24, 6, JeLive),
        new("1701", 3, 36, 7, Meningococcal),
        new("0311", 4, 48, 2, Bopv),
        new("0601", 1, 72, 4, Dt),
        new("1701", 4, 72, 7, Meningococcal),
    ];
}
