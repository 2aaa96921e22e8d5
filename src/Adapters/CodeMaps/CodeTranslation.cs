using Exchange.Adapters.Results;

namespace Exchange.Adapters.CodeMaps;

/// <summary>The hub code a reported code stands for, or why there is none.</summary>
/// <param name="Code">The hub code; null when the translation failed.</param>
/// <param name="Error">Why there is no hub code; null on success.</param>
/// <param name="Reason">A <see cref="ReasonCodes"/> value for the failure; null on success.</param>
/// <param name="FromMap">The source's code map supplied the code (rather than the hub's own tables).</param>
public sealed record CodeTranslation(string? Code, string? Error, string? Reason, bool FromMap)
{
    public bool Succeeded => Code is not null;

    public static CodeTranslation Found(string code, bool fromMap = false) => new(code, null, null, fromMap);

    public static CodeTranslation Unknown(string error) => new(null, error, ReasonCodes.UnknownCode, false);

    public static CodeTranslation Ambiguous(string error) => new(null, error, ReasonCodes.AmbiguousCode, false);

    public static CodeTranslation Invalid(string error) => new(null, error, ReasonCodes.Invalid, false);
}
