namespace Exchange.Adapters.Normalization;

/// <summary>
/// Cleans personal names: as <see cref="TextCleaner.Clean"/>, and the middle dot of transliterated names
/// (阿卜杜拉·买买提) in whatever variant the source typed (•, ‧, ・, ･, ., full-width ．) becomes U+00B7 with no spaces
/// around it. The original spelling is kept next to the cleaned name.
/// </summary>
public static class PersonNames
{
    private const char MiddleDot = '\u00B7';
    private static readonly char[] DotVariants = ['\u2022', '\u2027', '\u30FB', '\uFF65', '\u2219', '\u22C5', '\u0387'];

    /// <summary>The cleaned name, or null when nothing but white space was sent.</summary>
    public static string? Clean(string? reported)
    {
        var name = TextCleaner.Clean(reported);
        if (name is null)
        {
            return null;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // A full-width '．' is already '.' here; between two CJK characters a '.' is a middle dot.
            if (Array.IndexOf(DotVariants, chars[i]) >= 0 || (chars[i] == '.' && IsCjkAround(chars, i)))
            {
                chars[i] = MiddleDot;
            }
        }

        return new string(chars)
            .Replace(" " + MiddleDot, MiddleDot.ToString(), StringComparison.Ordinal)
            .Replace(MiddleDot + " ", MiddleDot.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Why a cleaned name cannot be used, or null.</summary>
    public static string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bad = name.FirstOrDefault(c => char.IsControl(c) || char.IsAsciiDigit(c));
        return bad == default ? null : $"name contains {(char.IsControl(bad) ? "a control character" : $"the digit '{bad}'")}";
    }

    /// <summary>The name exactly as sent when it differs from the cleaned one; null when they are the same.</summary>
    public static string? AsReported(string? reported, string cleaned) =>
        reported is null || string.Equals(reported, cleaned, StringComparison.Ordinal) ? null : reported;

    private static bool IsCjkAround(char[] chars, int i) =>
        i > 0 && i < chars.Length - 1 && IsCjk(chars[i - 1]) && IsCjk(chars[i + 1]);

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
