using System.Runtime.CompilerServices;

namespace Exchange.Adapters.Tests.CodeSystems;

/// <summary>
/// Finds the shared sample data beside the repository (<c>../shared/data</c>). The tests may run from an
/// artifacts folder outside the repository, so the search falls back to this source file's folder.
/// </summary>
internal static class SharedData
{
    /// <summary>Full path of <paramref name="relativePath"/> under the shared data folder, or null when it is absent.</summary>
    public static string? Find(string relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Exchange.sln")))
                {
                    var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relativePath));
                    if (File.Exists(path))
                    {
                        return path;
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>Reads a simple CSV (quoted fields allowed, no line breaks inside fields) as header-keyed rows.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        return lines.Skip(1)
            .Select(Split)
            .Select(fields => header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : "")).ToDictionary(p => p.h, p => p.v))
            .ToList();
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
