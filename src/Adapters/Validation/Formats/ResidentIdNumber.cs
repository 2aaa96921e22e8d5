using Exchange.Adapters.Normalization;
using System.Globalization;

namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// Resident identity number (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date,
/// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    private const int BodyLength = 17;
    private const int BirthDateStart = 6;
    private const int SequenceStart = 14;

    private static readonly DateOnly EarliestBirthDate = new(1880, 1, 1);

    // Weight i is 2^(18-i) mod 11 (GB 11643 / ISO 7064 MOD 11-2).
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckCharacters = "10X98765432";

    // Residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民居住证, 2018) use this
    // address code; it is not a GB/T 2260 province prefix but the numbers are otherwise GB 11643.
    private const string TaiwanResidencePermitAddress = "830000";

    /// <summary>Returns null when <paramref name="value"/> is a well-formed resident ID number, otherwise the reason it is not.</summary>
    /// <remarks>"Today" is the current date in China Standard Time, where the birth was registered.</remarks>
    public static string? Check(string value) => Check(value, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    /// <summary>As <see cref="Check(string)"/>, with an explicit date after which no birth date is accepted.</summary>
    public static string? Check(string value, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a resident ID number has {Length} characters; this one has {value.Length}";
        }

        var nonDigit = value.AsSpan(0, BodyLength).IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"character {nonDigit + 1} is '{value[nonDigit]}'; the first {BodyLength} characters must be digits 0-9";
        }

        var last = value[BodyLength];
        if (last == 'x')
        {
            return "check character is a lower-case 'x'; it must be upper-case 'X'";
        }

        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return $"check character is '{last}'; it must be a digit 0-9 or 'X'";
        }

        var address = value[..RegionCode.Length];
        var addressProblem = address == TaiwanResidencePermitAddress ? null : RegionCode.Check(address);
        if (addressProblem is not null)
        {
            return $"address code {address}: {addressProblem}";
        }

        var dateProblem = CheckBirthDate(value.AsSpan(BirthDateStart, 8), today);
        if (dateProblem is not null)
        {
            return dateProblem;
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, BodyLength));
        if (last != expected)
        {
            return $"check character is {last} but the first {BodyLength} digits give {expected}";
        }

        return null;
    }

    /// <summary>The GB 11643 check character ('0'-'9' or 'X') for a 17-digit body.</summary>
    /// <exception cref="ArgumentException">The span is not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != BodyLength || first17Digits.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            throw new ArgumentException($"Expected exactly {BodyLength} digits.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < BodyLength; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The embedded birth date, or null when <see cref="Check(string)"/> rejects the value.</summary>
    public static DateOnly? BirthDate(string value) =>
        Check(value) is null ? ParseBirthDate(value.AsSpan(BirthDateStart, 8)) : null;

    /// <summary>True for an odd sequence code (male), false for even (female), null when <see cref="Check(string)"/> rejects the value.</summary>
    public static bool? IsMale(string value) =>
        Check(value) is null ? (value[SequenceStart + 2] - '0') % 2 == 1 : null;

    private static string? CheckBirthDate(ReadOnlySpan<char> yyyymmdd, DateOnly today)
    {
        var date = ParseBirthDate(yyyymmdd);
        if (date is null)
        {
            return $"birth date {yyyymmdd} (characters 7-14) is not a calendar date";
        }

        if (date.Value < EarliestBirthDate)
        {
            return $"birth date {yyyymmdd} is before {EarliestBirthDate.Year}";
        }

        if (date.Value > today)
        {
            return $"birth date {yyyymmdd} is after today ({today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)})";
        }

        return null;
    }

    private static DateOnly? ParseBirthDate(ReadOnlySpan<char> yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
