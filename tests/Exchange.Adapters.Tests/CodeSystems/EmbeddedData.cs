using System.Text;
using Exchange.Adapters.CodeSystems;

namespace Exchange.Adapters.Tests.CodeSystems;

/// <summary>Reads the embedded code-system files, and builds loaders that swap one file's content for a test.</summary>
internal static class EmbeddedData
{
    private const string Prefix = "Exchange.Adapters.CodeSystems.Data.";

    public static Stream? Open(string file) =>
        typeof(HubCodeSystems).Assembly.GetManifestResourceStream(Prefix + file);

    public static string ReadText(string file)
    {
        using var stream = Open(file) ?? throw new FileNotFoundException(file);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Number of non-empty lines after the header.</summary>
    public static int DataLineCount(string file) =>
        ReadText(file).Split('\n').Skip(1).Count(l => l.TrimEnd('\r').Length > 0);

    /// <summary>A loader that serves the embedded files, except <paramref name="file"/>, which gets <paramref name="content"/>.</summary>
    public static Func<string, Stream?> With(string file, string? content) =>
        name => string.Equals(name, file, StringComparison.Ordinal)
            ? content is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(content))
            : Open(name);
}
