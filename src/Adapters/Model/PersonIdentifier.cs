using System.Globalization;
using System.Text.Json.Serialization;

namespace Exchange.Adapters.Model;

/// <summary>One normalized identifier of a person.</summary>
public sealed record PersonIdentifier(IdentifierKind Kind, string Value)
{
    /// <summary>Stable key of the identifier, used to address its index entry, e.g. "2:420102000120200001".</summary>
    [JsonIgnore]
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{(int)Kind}:{Value}");
}
