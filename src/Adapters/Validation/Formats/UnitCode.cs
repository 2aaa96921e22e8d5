namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// Vaccination-unit code (接种单位编码): the 6-digit GB/T 2260 region code of the county
/// followed by a 4-digit unit number.
/// </summary>
public static class UnitCode
{
    public const int Length = 10;

    /// <summary>Returns null when <paramref name="value"/> is a well-formed unit code, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a unit code has {Length} digits (6-digit region code + 4-digit unit number); this one has {value.Length} characters";
        }

        var nonDigit = value.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"character {nonDigit + 1} is '{value[nonDigit]}'; a unit code has only digits 0-9";
        }

        var region = value[..RegionCode.Length];
        var regionProblem = RegionCode.Check(region);
        if (regionProblem is not null)
        {
            return $"region part {region}: {regionProblem}";
        }

        if (value.AsSpan(RegionCode.Length).SequenceEqual("0000"))
        {
            return "unit number (last 4 digits) is 0000; unit numbers start at 0001";
        }

        return null;
    }
}
