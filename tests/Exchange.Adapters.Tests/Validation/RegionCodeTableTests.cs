using System.Runtime.CompilerServices;
using Exchange.Adapters.Validation.Formats;
using Xunit.Abstractions;

namespace Exchange.Adapters.Tests.Validation;

/// <summary>Runs the format check over a published GB/T 2260 list kept outside the repository.</summary>
public class RegionCodeTableTests(ITestOutputHelper output)
{
    private const string RelativeDataPath = "../shared/data/china-divisions/gbt2260-202312.csv";

    [Fact]
    public void Check_EveryCodeInGbt2260List2023_ReturnsNull()
    {
        var path = FindDataFile();
        if (path is null)
        {
            output.WriteLine($"Skipped: {RelativeDataPath} (relative to the folder holding Exchange.sln) was not found.");
            return;
        }

        var rejected = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var code = line[..line.IndexOf(',', StringComparison.Ordinal)];
            count++;
            if (RegionCode.Check(code) is { } reason)
            {
                rejected.Add($"{code}: {reason}");
            }
        }

        output.WriteLine($"Checked {count} codes from {path}.");
        Assert.True(count > 3000, $"expected the full list, read {count} codes");
        Assert.Empty(rejected);
    }

    private static string? FindDataFile()
    {
        // Builds may put the output outside the repository (ArtifactsPath), so fall back to this source file's folder.
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Exchange.sln")))
                {
                    var path = Path.GetFullPath(Path.Combine(dir.FullName, RelativeDataPath));
                    return File.Exists(path) ? path : null;
                }
            }
        }

        return null;
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file) ?? ".";
}
