namespace Exchange.Adapters.Validation.Formats;

/// <summary>
/// Child code (儿童编码): 10-digit creating-unit code + 4-digit birth year + 4-digit sequence.
/// </summary>
public static class ChildCode
{
    public const int Length = 18;

    /// <summary>Returns null when <paramref name="value"/> is a well-formed child code, otherwise the reason it is not.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            return $"a child code has {Length} digits (10-digit unit code + 4-digit birth year + 4-digit sequence); this one has {value.Length} characters";
        }

        var nonDigit = value.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (nonDigit >= 0)
        {
            return $"character {nonDigit + 1} is '{value[nonDigit]}'; a child code has only digits 0-9";
        }

        var unit = value[..UnitCode.Length];
        var unitProblem = UnitCode.Check(unit);
        if (unitProblem is not null)
        {
            return $"unit part {unit}: {unitProblem}";
        }

        // The year segment is not checked against the birth date: deployed systems are known to
        // write a fixed segment (e.g. "9018") there, and those codes are still in circulation.
        return null;
    }
}
