using System.Globalization;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Testing.Synthetic;

/// <summary>
/// Hands out resident ID numbers that are unique within a run: one sequence counter per
/// (region, birth date, sex), odd sequences for males and even for females, as GB 11643 requires.
/// </summary>
internal sealed class ResidentIdAllocator
{
    private const int MaxSequence = 999;

    private readonly string[] _regions;
    private readonly DateOnly _first;
    private readonly int _days;

    // Next sequence to hand out per bucket; 0 means the bucket has not been used yet.
    private readonly int[] _next;

    public ResidentIdAllocator(string[] regions, DateOnly first, DateOnly last)
    {
        _regions = regions;
        _first = first;
        _days = last.DayNumber - first.DayNumber + 1;
        _next = new int[regions.Length * _days * 2];
    }

    /// <summary>A new ID, or null when all 500 sequences of that region, date and sex are taken.</summary>
    public string? Next(int regionIndex, DateOnly birthDate, bool isMale, Random random)
    {
        var day = birthDate.DayNumber - _first.DayNumber;
        if ((uint)day >= (uint)_days)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "Birth date outside the allocator's range.");
        }

        var bucket = (((regionIndex * _days) + day) * 2) + (isMale ? 1 : 0);
        var sequence = _next[bucket];
        if (sequence == 0)
        {
            // Start somewhere below 100 so numbers do not all end in 001/002.
            sequence = (random.Next(50) * 2) + (isMale ? 1 : 2);
        }

        if (sequence > MaxSequence)
        {
            return null;
        }

        _next[bucket] = sequence + 2;

        Span<char> id = stackalloc char[ResidentIdNumber.Length];
        _regions[regionIndex].AsSpan().CopyTo(id);
        birthDate.TryFormat(id[6..14], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        sequence.TryFormat(id[14..17], out _, "D3", CultureInfo.InvariantCulture);
        id[17] = ResidentIdNumber.ComputeCheckCharacter(id[..17]);
        return new string(id);
    }
}
