namespace Exchange.Adapters.Results;

/// <summary>
/// Machine-readable reasons an input was refused, finer than <see cref="IssueCode"/>. They are stable identifiers:
/// clients and operators filter on them, so a value never changes meaning.
/// </summary>
public static class ReasonCodes
{
    /// <summary>Any other invalid value.</summary>
    public const string Invalid = "invalid";

    /// <summary>A required value is missing.</summary>
    public const string Required = "required";

    /// <summary>A code is neither a hub code nor an alias, nor in the source's code map.</summary>
    public const string UnknownCode = "unknown-code";

    /// <summary>A code or name matches several hub codes.</summary>
    public const string AmbiguousCode = "ambiguous-code";

    /// <summary>A resident identity number is malformed or fails its check digit.</summary>
    public const string InvalidIdNumber = "invalid-id-number";

    /// <summary>Another identifier (child code, birth certificate, ...) is malformed.</summary>
    public const string InvalidIdentifier = "invalid-identifier";

    /// <summary>A phone number is malformed.</summary>
    public const string InvalidPhone = "invalid-phone";

    /// <summary>A date or time is not in any accepted format.</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>A date cannot be true: not a calendar date, in the future, before birth.</summary>
    public const string ImpossibleDate = "impossible-date";

    /// <summary>A name cannot be used (control characters, too long).</summary>
    public const string InvalidName = "invalid-name";
}
