using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;

namespace Exchange.Benchmark;

/// <summary>
/// The children of one run, generated and turned into wire messages before anything is timed. The warm-up children
/// come from the same population (a second population would reuse child codes), ahead of the measured ones.
/// </summary>
internal sealed class Workload
{
    private Workload(SyntheticChild[] warmup, SyntheticChild[] measured, byte[][] fhirBundles)
    {
        FhirBundles = fhirBundles;
        Warmup = warmup;
        Measured = measured;
        WarmupItems = [.. warmup.Select((child, i) => child.ToBulkItem(MessageId("warmup", i)))];
        MeasuredItems = [.. measured.Select((child, i) => child.ToBulkItem(MessageId("child", i)))];
        MeasuredDoses = measured.Sum(child => child.Doses.Count);
    }

    public SyntheticChild[] Warmup { get; }

    public SyntheticChild[] Measured { get; }

    public BulkUploadItem[] WarmupItems { get; }

    public BulkUploadItem[] MeasuredItems { get; }

    public int MeasuredDoses { get; }

    /// <summary>Serialized FHIR transaction Bundles of further children (1 Patient + 15 Immunizations each).</summary>
    public byte[][] FhirBundles { get; }

    public static Workload Generate(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Yesterday in China: no dose can be in the hub's future, whatever the time of day.
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var population = new SyntheticPopulation(options.Seed, asOf);
        var warmup = population.Children(options.WarmupChildren).ToArray();
        var measured = population.Children(options.Children).ToArray();
        return new Workload(warmup, measured, Benchmark.FhirBundles.Generate(population, options.FhirBundles));
    }

    private static string MessageId(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{kind}-{index:D7}");
}
