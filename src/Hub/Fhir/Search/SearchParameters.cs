using Exchange.Hub.Fhir.Errors;
using Microsoft.Extensions.Primitives;

namespace Exchange.Hub.Fhir.Search;

/// <summary>The query string of a search, checked against the parameters the endpoint supports.</summary>
internal sealed class SearchParameters(IQueryCollection query, string resourceType)
{
    public const int MaxCount = 100;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal) { "_count", "_format" };

    public string? Single(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    public StringValues All(string name) => query.TryGetValue(name, out var values) ? values : StringValues.Empty;

    /// <summary>An error naming the first parameter the endpoint does not support (the search would not be honest).</summary>
    public FhirError? Unsupported(IReadOnlySet<string> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        var unknown = query.Keys.FirstOrDefault(key => !supported.Contains(key.Split(':')[0]) && !Common.Contains(key));
        return unknown is null
            ? null
            : FhirError.NotSupported(StatusCodes.Status400BadRequest, unknown, $"search parameter '{unknown}' is not supported on {resourceType}; see GET /fhir/metadata");
    }

    public (int Count, FhirError? Error) Count()
    {
        var text = Single("_count");
        if (text is null)
        {
            return (MaxCount, null);
        }

        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is > 0 and <= MaxCount
            ? (count, null)
            : (0, FhirError.Invalid("_count", $"_count is a number from 1 to {MaxCount}"));
    }

    /// <summary>A token "system|code", "|code" or "code".</summary>
    public static (string? System, string Code) Token(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (null, value) : (value[..bar].Length == 0 ? null : value[..bar], value[(bar + 1)..]);
    }
}
