namespace Exchange.Testing.Hosting;

/// <summary>Where the repository and the shared sample data are, found from the running test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared sample data beside the repository (<c>../shared/data</c>), or null when it is absent.</summary>
    public static string? SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return System.IO.Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The build configuration folder the tests run from ("debug" or "release").</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase)
            ? "release"
            : "debug";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Exchange.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Exchange.sln not found above {AppContext.BaseDirectory}.");
    }
}
