namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// GB/T 2260 administrative division code: 2-digit province, 2-digit prefecture, 2-digit county.
/// Checks the format only; whether a code is current is a table lookup done elsewhere, because
/// retired codes stay valid inside identifiers issued before the re-coding.
/// </summary>
public static class RegionCode
{
    public const int Length = 6;

    /// <summary>Returns null when <paramref name="value"/> is a well-formed region code, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a region code has {Length} digits; this one has {value.Length} characters";
        }

        var nonDigit = value.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"character {nonDigit + 1} is '{value[nonDigit]}'; a region code has only digits 0-9";
        }

        if (!IsProvincePrefix(value.AsSpan(0, 2)))
        {
            return $"'{value[..2]}' is not a province-level prefix (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82)";
        }

        // A county always sits under a prefecture-level part (directly administered counties use 90),
        // so "xx00yy" names nothing.
        if (value[2] == '0' && value[3] == '0' && !(value[4] == '0' && value[5] == '0'))
        {
            return $"county part '{value[4..]}' follows prefecture part '00'; a county code needs a non-zero prefecture part";
        }

        return null;
    }

    /// <summary>True for the two-digit prefixes of the 34 province-level divisions.</summary>
    public static bool IsProvincePrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length != 2 || !char.IsAsciiDigit(prefix[0]) || !char.IsAsciiDigit(prefix[1]))
        {
            return false;
        }

        var second = prefix[1] - '0';
        return prefix[0] switch
        {
            '1' => second is >= 1 and <= 5,
            '2' => second is >= 1 and <= 3,
            '3' => second is >= 1 and <= 7,
            '4' => second is >= 1 and <= 6,
            '5' => second is >= 0 and <= 4,
            '6' => second is >= 1 and <= 5,
            '7' => second == 1,
            '8' => second is 1 or 2,
            _ => false,
        };
    }
}
