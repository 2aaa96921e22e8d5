namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// Mainland China phone number: a mobile number (11 digits, 13x-19x) or a landline with its area code
/// (010, 02x or 0xxx, then a 7- or 8-digit local number, optionally separated by '-'), with an optional
/// "+86" prefix (which may be followed by one space or '-'). After "+86" the trunk '0' of a landline area code
/// may be dropped, as in "+86 27-87654321".
/// </summary>
public static class PhoneNumber
{
    private const string CountryPrefix = "+86";

    /// <summary>Returns null when <paramref name="value"/> is a well-formed phone number, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "phone number is empty";
        }

        var rest = value.AsSpan();
        var international = rest.StartsWith(CountryPrefix, StringComparison.Ordinal);
        if (international)
        {
            rest = rest[CountryPrefix.Length..];
            if (rest.Length > 0 && rest[0] is ' ' or '-')
            {
                rest = rest[1..];
            }
        }
        else if (rest[0] == '+')
        {
            return "only the mainland prefix +86 is accepted";
        }

        if (rest.Length >= 2 && rest[0] == '1' && rest[1] is >= '3' and <= '9')
        {
            return CheckMobile(rest);
        }

        if (rest.Length > 0 && rest[0] == '0')
        {
            return CheckLandline(rest[1..]);
        }

        if (international && rest.Length > 0 && rest[0] is >= '1' and <= '9')
        {
            return CheckLandline(rest);
        }

        return "not a mobile number (11 digits starting with 13-19) nor a landline starting with its area code (e.g. 027-87654321)";
    }

    private static string? CheckMobile(ReadOnlySpan<char> digits)
    {
        var nonDigit = digits.IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"mobile number contains '{digits[nonDigit]}'; write it as 11 digits with no separators";
        }

        return digits.Length == 11
            ? null
            : $"a mobile number has 11 digits; this one has {digits.Length}";
    }

    // Area codes are 010, 02x (two digits after the trunk 0) or 0[3-9]xx (three digits).
    private static string? CheckLandline(ReadOnlySpan<char> afterTrunk)
    {
        if (afterTrunk.Length < 2)
        {
            return "landline number is too short to hold an area code and a local number";
        }

        var areaLength = afterTrunk[0] is '1' or '2' ? 2 : 3;
        if (afterTrunk.Length < areaLength)
        {
            return "landline number is too short to hold an area code and a local number";
        }

        var area = afterTrunk[..areaLength];
        if (area.IndexOfAnyExceptInRange('0', '9') >= 0 || area[0] == '0' || (area[0] == '1' && area[1] != '0'))
        {
            return $"area code 0{area} is not a mainland area code (010, 02x or 0xxx with x from 3 to 9 first)";
        }

        var local = afterTrunk[areaLength..];
        if (local.Length > 0 && local[0] == '-')
        {
            local = local[1..];
        }

        var nonDigit = local.IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"local number after area code 0{area} contains '{local[nonDigit]}'; only digits (and one '-' after the area code) are allowed";
        }

        if (local.Length is < 7 or > 8)
        {
            return $"local number after area code 0{area} has {local.Length} digits; it needs 7 or 8";
        }

        return local[0] == '0'
            ? $"local number after area code 0{area} starts with 0; local numbers start with 1-9"
            : null;
    }
}
