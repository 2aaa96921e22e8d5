using Exchange.Adapters.Normalization;
using Exchange.Hub.Fhir.Errors;

namespace Exchange.Hub.Fhir.Search;

/// <summary>A date search value with its FHIR prefix (eq, ne, gt, lt, ge, le) at day precision.</summary>
internal sealed record DateFilter(string Prefix, DateOnly Date)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le"];

    public static (DateFilter? Filter, FhirError? Error) Parse(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value);
        var prefix = value.Length > 2 && Prefixes.Contains(value[..2]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        return CanonicalDates.TryParseDate(text, out var date)
            ? (new DateFilter(prefix, date), null)
            : (null, FhirError.Invalid(parameter, $"'{value}' is not a date search value: an optional prefix (eq, ne, gt, lt, ge, le) and yyyy-MM-dd"));
    }

    public bool Matches(DateOnly date) => Prefix switch
    {
        "ne" => date != Date,
        "gt" => date > Date,
        "lt" => date < Date,
        "ge" => date >= Date,
        "le" => date <= Date,
        _ => date == Date,
    };
}
