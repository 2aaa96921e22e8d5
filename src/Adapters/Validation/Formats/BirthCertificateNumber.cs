namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// Medical birth certificate number (出生医学证明编号): one upper-case letter (the printing series)
/// followed by 9 digits, e.g. "O420123456".
/// </summary>
public static class BirthCertificateNumber
{
    public const int Length = 10;

    /// <summary>Returns null when <paramref name="value"/> is a well-formed birth certificate number, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a birth certificate number has {Length} characters (a letter and 9 digits); this one has {value.Length}";
        }

        var series = value[0];
        if (char.IsAsciiLetterLower(series))
        {
            return $"series letter '{series}' must be upper-case";
        }

        if (!char.IsAsciiLetterUpper(series))
        {
            return $"first character is '{series}'; it must be the series letter A-Z";
        }

        var nonDigit = value.AsSpan(1).IndexOfAnyExceptInRange('0', '9');
        return nonDigit >= 0
            ? $"character {nonDigit + 2} is '{value[nonDigit + 1]}'; the 9 characters after the series letter must be digits 0-9"
            : null;
    }
}
