using System.Text;

namespace Exchange.Adapters.Normalization;

/// <summary>Folds the text variants vendors send into one form: full-width ASCII to half-width, trimmed, single spaces.</summary>
public static class TextCleaner
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>Returns the cleaned text, or null when nothing but white space is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw is >= FullWidthFirst and <= FullWidthLast ? (char)(raw - FullWidthOffset) : raw;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    // Already in the cleaned form (the usual case): no full-width ASCII, no white space but single inner spaces.
    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= FullWidthFirst and <= FullWidthLast)
            {
                return false;
            }

            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cleans a code or identifier: as <see cref="Clean"/>, without inner spaces, upper-case.</summary>
    public static string? CleanCode(string? text) =>
        Clean(text)?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
