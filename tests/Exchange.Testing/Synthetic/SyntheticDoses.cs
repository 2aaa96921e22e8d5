using System.Globalization;

namespace Exchange.Testing.Synthetic;

/// <summary>
/// Builds a child's NIP doses up to an as-of date. Doses due at the same age are given at one visit;
/// each visit is a little late (now and then quite late), and never earlier relative to schedule than the
/// previous dose of any series it contains, which keeps every series' minimum intervals.
/// </summary>
internal sealed class SyntheticDoses(Random random, DateOnly asOf)
{
    private const int ShelfLifeMonths = 24;
    private const int MonthsFromProductionToUse = 6;

    private readonly Dictionary<(int Vaccine, int Manufacturer, int Month), string> _lots = [];
    private long _nextSerial = 1_000_000_000_000 + random.NextInt64(1_000_000_000_000);

    public List<SyntheticDose> For(DateOnly birthDate, string birthUnit, string managingUnit)
    {
        var schedule = NipSchedule.Doses;
        var doses = new List<SyntheticDose>(schedule.Length);
        Span<int> seriesDelay = stackalloc int[NipSchedule.SeriesCount];
        Span<int> seriesManufacturer = stackalloc int[NipSchedule.SeriesCount];
        seriesManufacturer.Fill(-1);

        for (var start = 0; start < schedule.Length;)
        {
            var end = start + 1;
            while (end < schedule.Length && schedule[end].AgeMonths == schedule[start].AgeMonths)
            {
                end++;
            }

            var delay = schedule[start].AgeMonths == 0 ? 0 : NextVisitDelay();
            for (var i = start; i < end; i++)
            {
                delay = Math.Max(delay, seriesDelay[schedule[i].Series]);
            }

            // Days first, then months: AddMonths clamps at month ends, and in this order every interval
            // of at least whole months between scheduled ages survives the clamping.
            var visitDate = birthDate.AddDays(delay).AddMonths(schedule[start].AgeMonths);
            for (var i = start; i < end; i++)
            {
                var scheduled = schedule[i];
                seriesDelay[scheduled.Series] = delay;
                if (seriesManufacturer[scheduled.Series] < 0)
                {
                    seriesManufacturer[scheduled.Series] = random.Next(scheduled.Manufacturers.Length);
                }

                if (visitDate <= asOf)
                {
                    var unit = scheduled.AgeMonths == 0 ? birthUnit : managingUnit;
                    doses.Add(Create(scheduled, seriesManufacturer[scheduled.Series], visitDate, unit));
                }
            }

            start = end;
        }

        SortByDate(doses);
        return doses;
    }

    // Insertion sort: stable (same-day doses keep schedule order) and cheap for about 20 items.
    private static void SortByDate(List<SyntheticDose> doses)
    {
        for (var i = 1; i < doses.Count; i++)
        {
            var dose = doses[i];
            var j = i - 1;
            while (j >= 0 && doses[j].Date > dose.Date)
            {
                doses[j + 1] = doses[j];
                j--;
            }

            doses[j + 1] = dose;
        }
    }

    private int NextVisitDelay() =>
        random.Next(10) == 0 ? 15 + random.Next(76) : random.Next(15);

    private SyntheticDose Create(ScheduledDose scheduled, int manufacturerIndex, DateOnly date, string unit)
    {
        // Series mixing products (IPV then bOPV) may list a different number of manufacturers.
        var manufacturer = scheduled.Manufacturers[manufacturerIndex % scheduled.Manufacturers.Length];
        var produced = new DateOnly(date.Year, date.Month, 1).AddMonths(-MonthsFromProductionToUse);
        var lot = LotNumber(scheduled.VaccineNumber, manufacturerIndex, produced);
        var expiry = produced.AddMonths(ShelfLifeMonths).AddDays(-1);
        _nextSerial += 1 + random.Next(5);
        return new SyntheticDose(
            scheduled.VaccineCode, scheduled.DoseNumber, date, lot, expiry, manufacturer,
            TraceabilityCode(scheduled.VaccineCode, manufacturer, _nextSerial), unit);
    }

    // The same product made in the same month is one lot, so doses given in one month share lots;
    // caching the strings also keeps a large population's memory down.
    private string LotNumber(int vaccineNumber, int manufacturerIndex, DateOnly produced)
    {
        var monthIndex = (produced.Year * 12) + produced.Month;
        var key = (vaccineNumber, manufacturerIndex, monthIndex);
        if (!_lots.TryGetValue(key, out var lot))
        {
            var batch = 1 + (((monthIndex * 37) + (vaccineNumber * 11) + (manufacturerIndex * 5)) % 97);
            lot = string.Create(CultureInfo.InvariantCulture, $"{produced.Year}{produced.Month:D2}{batch:D3}");
            _lots.Add(key, lot);
        }

        return lot;
    }

    // 7-digit product identifier ("8" + vaccine code + manufacturer) + 13-digit serial, written by hand
    // because this runs for every dose of every generated child.
    private static string TraceabilityCode(string vaccineCode, string manufacturer, long serial)
    {
        Span<char> code = stackalloc char[20];
        code[0] = '8';
        vaccineCode.AsSpan().CopyTo(code[1..]);
        manufacturer.AsSpan().CopyTo(code[5..]);
        for (var i = 19; i >= 7; i--)
        {
            code[i] = (char)('0' + (int)(serial % 10));
            serial /= 10;
        }

        return new string(code);
    }
}
