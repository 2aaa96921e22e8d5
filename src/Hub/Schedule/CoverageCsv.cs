using System.Globalization;
using System.Text;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Schedule;

/// <summary>The coverage table as CSV text in chunks of about <see cref="ChunkSize"/> characters.</summary>
internal static class CoverageCsv
{
    public const int ChunkSize = 32 * 1024;

    public const string Header = "month,area_code,area_level,residence,series,dose,eligible,vaccinated,coverage,timely_vaccinated,timely_coverage";

    public static IEnumerable<string> Chunks(IEnumerable<V1.CoverageRow> rows)
    {
        var text = new StringBuilder(ChunkSize + 256).Append(Header).Append('\n');
        foreach (var row in rows)
        {
            // Every field is digits, a code, a fixed word or a series id without commas or quotes: no quoting needed.
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Month},{row.AreaCode},{Level(row.AreaLevel)},{Residence(row.Residence)},{row.Series},{row.Dose},{row.Eligible},{row.Vaccinated},{row.Coverage:0.0000},{row.TimelyVaccinated},{row.TimelyCoverage:0.0000}\n");
            if (text.Length >= ChunkSize)
            {
                yield return text.ToString();
                text.Clear();
            }
        }

        if (text.Length > 0)
        {
            yield return text.ToString();
        }
    }

    private static string Level(V1.AreaLevel level) => level switch
    {
        V1.AreaLevel.Unit => "unit",
        V1.AreaLevel.County => "county",
        V1.AreaLevel.City => "city",
        V1.AreaLevel.Province => "province",
        _ => string.Empty,
    };

    private static string Residence(V1.ResidenceType residence) => residence switch
    {
        V1.ResidenceType.Local => "local",
        V1.ResidenceType.Mobile => "mobile",
        _ => "all",
    };
}
