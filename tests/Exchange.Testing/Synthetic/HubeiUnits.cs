using System.Globalization;

namespace Exchange.Testing.Synthetic;

/// <summary>Real Hubei county-level region codes and the synthetic vaccination units in each.</summary>
internal static class HubeiUnits
{
    public const int UnitsPerRegion = 8;

    public static readonly string[] Regions =
    [
        "420102", // 江岸区
        "420103", // 江汉区
        "420106", // 武昌区
        "420111", // 洪山区
        "420115", // 江夏区
        "420202", // 黄石港区
        "420302", // 茅箭区
        "420502", // 西陵区
        "420602", // 襄城区
        "420902", // 孝南区
        "421002", // 沙市区
        "421102", // 黄州区
    ];

    /// <summary>Unit codes; the units of region r are at indexes r * UnitsPerRegion onwards.</summary>
    public static readonly string[] Units = CreateUnits();

    private static string[] CreateUnits()
    {
        var units = new string[Regions.Length * UnitsPerRegion];
        for (var r = 0; r < Regions.Length; r++)
        {
            for (var u = 0; u < UnitsPerRegion; u++)
            {
                units[(r * UnitsPerRegion) + u] = string.Create(CultureInfo.InvariantCulture, $"{Regions[r]}01{u + 1:D2}");
            }
        }

        return units;
    }
}
