using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Results;

namespace Exchange.Adapters.Normalization;

/// <summary>Reads coded fields through the source's <see cref="ICodeTranslator"/>, recording precise issues.</summary>
public static class CodedFields
{
    /// <summary>The hub code of a reported code; null (with an issue when required or untranslatable) otherwise.</summary>
    public static string? Translate(ICodeTranslator codes, CodeMapSystem system, string? reported, string field, bool required, IssueCollector issues)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(issues);
        if (TextCleaner.Clean(reported) is null)
        {
            if (required)
            {
                issues.Invalid(field, "is required", ReasonCodes.Required);
            }

            return null;
        }

        var translation = codes.Translate(system, reported!);
        if (translation.Succeeded)
        {
            return translation.Code;
        }

        issues.Invalid(field, translation.Error!, translation.Reason);
        return null;
    }

    /// <summary>The enum member of a reported code of a coded-value system; null (with an issue) when it does not translate.</summary>
    public static TEnum? TranslateEnum<TEnum>(
        ICodeTranslator codes, CodeMapSystem system, CodedValueSystem<TEnum> table, string? reported, string field, IssueCollector issues)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        return Translate(codes, system, reported, field, required: false, issues) is { } code && table.TryParse(code, out var value) ? value : null;
    }
}
