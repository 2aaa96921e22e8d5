namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// National 4-digit vaccine code (疫苗编码) used by immunization information systems:
/// 2-digit vaccine category (01 = BCG, 02 = HepB, ...) followed by a 2-digit product number.
/// Checks the format only; whether a code is known comes from the configured code table.
/// </summary>
public static class VaccineCode
{
    public const int Length = 4;

    /// <summary>Returns null when <paramref name="value"/> is a well-formed vaccine code, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a vaccine code has {Length} digits; this one has {value.Length} characters";
        }

        var nonDigit = value.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"character {nonDigit + 1} is '{value[nonDigit]}'; a vaccine code has only digits 0-9";
        }

        return value.StartsWith("00", StringComparison.Ordinal)
            ? "vaccine category (first 2 digits) is 00; categories run from 01 (BCG) to 99"
            : null;
    }
}
