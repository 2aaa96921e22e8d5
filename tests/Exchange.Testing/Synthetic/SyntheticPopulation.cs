using System.Globalization;

namespace Exchange.Testing.Synthetic;

/// <summary>
/// Deterministic generator of synthetic Hubei children for tests and benchmarks: the same seed and as-of
/// date give the same children in the same order. Births are spread over the 6 years before the as-of date;
/// each child has the NIP 2021 doses due by then. Not thread-safe.
/// </summary>
public sealed class SyntheticPopulation
{
    private const int SpanYears = 6;
    private const int MaxChildSequence = 9999;
    private const int MaxCertificateSerial = 999_999_999;

    private static readonly DateOnly FirstMotherBirthDate = new(1985, 1, 1);
    private static readonly DateOnly LastMotherBirthDate = new(2000, 12, 31);

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199",
    ];

    private readonly Random _random;
    private readonly DateOnly _firstBirthDate;
    private readonly int _birthDays;
    private readonly ResidentIdAllocator _childIds;
    private readonly ResidentIdAllocator _motherIds;
    private readonly SyntheticDoses _doses;

    // Last child-code sequence used per (managing unit, birth year).
    private readonly int[] _childSequences;
    private int _certificateSerial;

    public SyntheticPopulation(int seed, DateOnly asOf)
    {
        AsOf = asOf;
        _random = new Random(seed);
        _firstBirthDate = asOf.AddYears(-SpanYears).AddDays(1);
        _birthDays = asOf.DayNumber - _firstBirthDate.DayNumber + 1;
        _childIds = new ResidentIdAllocator(HubeiUnits.Regions, _firstBirthDate, asOf);
        _motherIds = new ResidentIdAllocator(HubeiUnits.Regions, FirstMotherBirthDate, LastMotherBirthDate);
        _doses = new SyntheticDoses(_random, asOf);
        _childSequences = new int[HubeiUnits.Units.Length * (SpanYears + 1)];
        _certificateSerial = 100_000_000 + _random.Next(100_000_000);
    }

    /// <summary>No birth or dose is later than this date.</summary>
    public DateOnly AsOf { get; }

    /// <exception cref="InvalidOperationException">A unit has used all 9999 child-code sequences of a birth year.</exception>
    public SyntheticChild NextChild()
    {
        var isMale = _random.Next(1000) < 515;
        var birthDate = _firstBirthDate.AddDays(_random.Next(_birthDays));
        var birthTime = new TimeOnly(_random.Next(24), _random.Next(60));
        var household = _random.Next(HubeiUnits.Regions.Length);
        var residence = _random.Next(100) < 85 ? household : _random.Next(HubeiUnits.Regions.Length);
        var managingUnitIndex = (residence * HubeiUnits.UnitsPerRegion) + _random.Next(HubeiUnits.UnitsPerRegion);
        var managingUnit = HubeiUnits.Units[managingUnitIndex];
        var birthUnit = HubeiUnits.Units[(residence * HubeiUnits.UnitsPerRegion) + _random.Next(HubeiUnits.UnitsPerRegion)];

        return new SyntheticChild(
            ChildCode: NextChildCode(managingUnitIndex, birthDate.Year),
            BirthCertificateNumber: NextBirthCertificate(birthDate.Year),
            ResidentIdNumber: _random.Next(2) == 0 ? _childIds.Next(household, birthDate, isMale, _random) : null,
            Name: ChineseNames.Next(_random),
            IsMale: isMale,
            BirthDate: birthDate,
            BirthTime: birthTime,
            BirthWeightGrams: NextBirthWeight(),
            Mother: NextMother(household),
            HouseholdRegion: HubeiUnits.Regions[household],
            ResidenceRegion: HubeiUnits.Regions[residence],
            ManagingUnit: managingUnit,
            Doses: _doses.For(birthDate, birthUnit, managingUnit));
    }

    public IEnumerable<SyntheticChild> Children(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Generate(count);

        IEnumerable<SyntheticChild> Generate(int remaining)
        {
            for (; remaining > 0; remaining--)
            {
                yield return NextChild();
            }
        }
    }

    private string NextChildCode(int unitIndex, int birthYear)
    {
        var bucket = (unitIndex * (SpanYears + 1)) + (birthYear - _firstBirthDate.Year);
        var sequence = ++_childSequences[bucket];
        if (sequence > MaxChildSequence)
        {
            throw new InvalidOperationException(
                $"Unit {HubeiUnits.Units[unitIndex]} has used all {MaxChildSequence} child-code sequences of {birthYear}.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{HubeiUnits.Units[unitIndex]}{birthYear:D4}{sequence:D4}");
    }

    // The series letter changes with the printing year; the serial only grows, so numbers never repeat.
    private string NextBirthCertificate(int birthYear)
    {
        _certificateSerial += 1 + _random.Next(3);
        if (_certificateSerial > MaxCertificateSerial)
        {
            throw new InvalidOperationException("Birth certificate serials exhausted.");
        }

        var series = (char)('A' + (birthYear % 26));
        return string.Create(CultureInfo.InvariantCulture, $"{series}{_certificateSerial:D9}");
    }

    private SyntheticContact NextMother(int household)
    {
        var region = _random.Next(10) < 7 ? household : _random.Next(HubeiUnits.Regions.Length);
        var birthDate = FirstMotherBirthDate.AddDays(_random.Next(LastMotherBirthDate.DayNumber - FirstMotherBirthDate.DayNumber + 1));
        var id = _motherIds.Next(region, birthDate, isMale: false, _random)
            ?? throw new InvalidOperationException("Mother resident ID sequences exhausted.");
        return new SyntheticContact(ChineseNames.Next(_random), id, NextMobile());
    }

    private string NextMobile()
    {
        var prefix = MobilePrefixes[_random.Next(MobilePrefixes.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{_random.Next(100_000_000):D8}");
    }

    // Roughly normal around 3300 g (sd about 450 g), clamped to a plausible range.
    private int NextBirthWeight()
    {
        var sum = _random.NextDouble() + _random.NextDouble() + _random.NextDouble() + _random.NextDouble();
        var grams = 3300 + (int)((sum - 2.0) * 780);
        return Math.Clamp(grams, 1500, 4800);
    }
}
