using System.Globalization;
using System.Text.Json;

namespace Exchange.Adapters.CodeSystems;

/// <summary>Reads <c>manifest.json</c>: <c>{ "version": "...", "files": [ { file, name, version, effective, source } ] }</c>.</summary>
internal static class CodeSystemManifest
{
    public const string FileName = "manifest.json";

    public static (string Version, IReadOnlyList<CodeSystemVersion> Files) Read(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new CodeSystemFormatException(FileName, (int)(ex.LineNumber ?? 0) + 1, ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = Text(root, "version", "the manifest");
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new CodeSystemFormatException(FileName, 0, "'files' is missing or not an array");
            }

            var entries = new List<CodeSystemVersion>();
            foreach (var item in files.EnumerateArray())
            {
                var file = Text(item, "file", "a files entry");
                var effective = Text(item, "effective", file);
                if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new CodeSystemFormatException(FileName, 0, $"{file}: effective '{effective}' is not a yyyy-MM-dd date");
                }

                entries.Add(new CodeSystemVersion(
                    Text(item, "name", file), file, Text(item, "version", file), date, Text(item, "source", file)));
            }

            return (version, entries);
        }
    }

    private static string Text(JsonElement element, string property, string owner)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        throw new CodeSystemFormatException(FileName, 0, $"{owner}: '{property}' is missing or not a non-empty string");
    }
}
