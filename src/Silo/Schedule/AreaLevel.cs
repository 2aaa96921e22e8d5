namespace Exchange.Silo.Schedule;

/// <summary>Administrative level of an area code used in reports (GB/T 2260, facts §3.2; units facts §3.4).</summary>
public enum AreaLevel
{
    /// <summary>A vaccination unit: 10 digits, the county code followed by a 4-digit unit number.</summary>
    Unit = 1,

    /// <summary>A county (district, county-level city): 6 digits.</summary>
    County = 2,

    /// <summary>A prefecture-level city: 6 digits ending in 00.</summary>
    City = 3,

    /// <summary>A province: 6 digits ending in 0000.</summary>
    Province = 4,
}

/// <summary>An area of a report: its code, level, and the range of managing-unit codes inside it.</summary>
public sealed record Area(string Code, AreaLevel Level)
{
    /// <summary>The leading digits every unit inside the area shares.</summary>
    public string Prefix => Level switch
    {
        AreaLevel.Unit => Code,
        AreaLevel.County => Code[..6],
        AreaLevel.City => Code[..4],
        _ => Code[..2],
    };

    /// <summary>
    /// The area of a code: 10 digits is a unit; 6 digits is a province when it ends in 0000, a city when it ends in 00,
    /// otherwise a county. Null when the code is neither.
    /// </summary>
    public static Area? Parse(string? code)
    {
        if (code is null || (code.Length != 10 && code.Length != 6) || code.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return null;
        }

        if (code.Length == 10)
        {
            return new Area(code, AreaLevel.Unit);
        }

        var level = code.EndsWith("0000", StringComparison.Ordinal) ? AreaLevel.Province
            : code.EndsWith("00", StringComparison.Ordinal) ? AreaLevel.City
            : AreaLevel.County;
        return new Area(code, level);
    }

    /// <summary>The code of the area at <paramref name="level"/> that contains the unit <paramref name="unitCode"/>.</summary>
    public static string CodeOf(string unitCode, AreaLevel level)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        return level switch
        {
            AreaLevel.Unit => unitCode,
            AreaLevel.County => unitCode[..6],
            AreaLevel.City => unitCode[..4] + "00",
            _ => unitCode[..2] + "0000",
        };
    }
}
