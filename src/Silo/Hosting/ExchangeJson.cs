using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exchange.Silo.Hosting;

/// <summary>The JSON shape of stored state and of canonical-model values inside the cluster.</summary>
public static class ExchangeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
