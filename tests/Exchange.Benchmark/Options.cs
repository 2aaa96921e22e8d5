using System.Globalization;

namespace Exchange.Benchmark;

/// <summary>Which stores the benchmark runs the hub on.</summary>
internal enum StorageChoice
{
    Sqlite,
    PostgreSql,
    Both,
}

/// <summary>Whether the hub runs with its exchange log (Audit:Enabled), without it, or both ways in turn.</summary>
internal enum AuditChoice
{
    On,
    Off,
    Both,
}

/// <summary>Command-line options; parsed by hand (no extra packages).</summary>
internal sealed record Options(
    int Children,
    StorageChoice Storage,
    int Streams,
    int GetSamples,
    int Concurrency,
    string OutDirectory,
    int WarmupChildren,
    TimeSpan TrivialDuration,
    int Seed,
    bool Keep = false,
    AuditChoice Audit = AuditChoice.On,
    int FhirBundles = 1_000)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Exchange.Benchmark -- [options]
          --children N          synthetic children to ingest per storage (default 20000)
          --storage S           sqlite | postgresql | both (default both)
          --streams K           concurrent BulkUpload streams (default 4); the raw insert uses K*4 connections
          --get-samples M       distinct GetRecord requests, sent over and over (default 5000)
          --concurrency C       concurrent callers for the trivial and GetRecord calls (default 32)
          --out DIR             folder for the JSON result (default bench-results)
          --warmup-children W   extra children ingested untimed before measuring (default 3000)
          --trivial-seconds S   seconds of the trivial call, and as many of GetRecord, in 5 alternating rounds (default 5)
          --seed X              synthetic population seed (default 20240501)
          --audit A             on | off | both (default on): the hub with its exchange log, without it (Audit:Enabled
                                false, for this comparison only), or both in turn, reporting the ingest ratio
          --fhir-bundles B      FHIR transaction Bundles (1 Patient + 15 Immunizations each) to ingest (default 1000)
          --keep                keep the hub's data folder and databases for inspection
        """;

    public static Options Default { get; } = new(20_000, StorageChoice.Both, 4, 5_000, 32, "bench-results", 3_000, TimeSpan.FromSeconds(5), 20_240_501);

    public int RawConnections => Streams * 4;

    /// <summary>The exchange-log settings to run each store with: true = logging on.</summary>
    public IEnumerable<bool> AuditModes => Audit switch
    {
        AuditChoice.Both => [true, false],
        AuditChoice.Off => [false],
        _ => [true],
    };

    public IEnumerable<StorageChoice> Stores => Storage switch
    {
        StorageChoice.Both => [StorageChoice.Sqlite, StorageChoice.PostgreSql],
        _ => [Storage],
    };

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are invalid or help was asked for.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (name == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            options = name switch
            {
                "--children" => options with { Children = Positive(name, value, ref error) },
                "--storage" => options with { Storage = ParseStorage(value, ref error) },
                "--streams" => options with { Streams = Positive(name, value, ref error) },
                "--get-samples" => options with { GetSamples = Positive(name, value, ref error) },
                "--concurrency" => options with { Concurrency = Positive(name, value, ref error) },
                "--out" => options with { OutDirectory = value },
                "--warmup-children" => options with { WarmupChildren = Positive(name, value, ref error) },
                "--trivial-seconds" => options with { TrivialDuration = TimeSpan.FromSeconds(Positive(name, value, ref error)) },
                "--seed" => options with { Seed = Positive(name, value, ref error) },
                "--audit" => options with { Audit = ParseAudit(value, ref error) },
                "--fhir-bundles" => options with { FhirBundles = Positive(name, value, ref error) },
                _ => Unknown(name, options, ref error),
            };
            if (error is not null)
            {
                return null;
            }
        }

        return options;
    }

    private static int Positive(string name, string value, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        error = $"{name} must be a positive integer, not '{value}'";
        return 0;
    }

    private static StorageChoice ParseStorage(string value, ref string? error)
    {
        switch (value.ToUpperInvariant())
        {
            case "SQLITE":
                return StorageChoice.Sqlite;
            case "POSTGRESQL" or "POSTGRES":
                return StorageChoice.PostgreSql;
            case "BOTH":
                return StorageChoice.Both;
            default:
                error = $"--storage must be sqlite, postgresql or both, not '{value}'";
                return StorageChoice.Both;
        }
    }

    private static AuditChoice ParseAudit(string value, ref string? error)
    {
        switch (value.ToUpperInvariant())
        {
            case "ON":
                return AuditChoice.On;
            case "OFF":
                return AuditChoice.Off;
            case "BOTH":
                return AuditChoice.Both;
            default:
                error = $"--audit must be on, off or both, not '{value}'";
                return AuditChoice.On;
        }
    }

    private static Options Unknown(string name, Options options, ref string? error)
    {
        error = $"unknown option {name}";
        return options;
    }
}
