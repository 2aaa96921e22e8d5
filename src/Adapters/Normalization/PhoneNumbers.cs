namespace Exchange.Adapters.Normalization;

/// <summary>
/// Folds the ways sources write a phone number into the form <see cref="Validation.Formats.PhoneNumber"/> checks:
/// half-width, no spaces, dashes or brackets (<c>(027) 8765-4321</c> -> <c>02787654321</c>), and the international
/// prefixes <c>0086</c> / <c>86</c> before an 11-digit mobile number written as <c>+86</c>.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>The cleaned number, or null when nothing was sent.</summary>
    public static string? Clean(string? reported)
    {
        var text = TextCleaner.CleanCode(reported);
        if (text is null)
        {
            return null;
        }

        var digits = new string(text.Where(c => c is not ('-' or '(' or ')' or '.')).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            return "+86" + digits[4..];
        }

        return digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal) ? "+" + digits : digits;
    }
}
