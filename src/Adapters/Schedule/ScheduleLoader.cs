using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exchange.Adapters.Schedule;

/// <summary>
/// Reads rule files (format: Schedule/README.md) and resolves each file's <c>basedOn</c> chain into complete
/// <see cref="ScheduleRuleSet"/>s. Malformed rule data is a configuration error and throws <see cref="InvalidDataException"/>.
/// </summary>
public static class ScheduleLoader
{
    private const string ResourcePrefix = "Exchange.Adapters.Schedule.Data.";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The rule sets embedded in this assembly (Schedule/Data/*.json), oldest first.</summary>
    public static IReadOnlyList<ScheduleRuleSet> LoadEmbedded()
    {
        var assembly = typeof(ScheduleLoader).Assembly;
        var texts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Read(assembly, n));
        return Resolve(texts.ToList());
    }

    /// <summary>Parses and resolves rule files given as JSON texts, oldest first.</summary>
    public static IReadOnlyList<ScheduleRuleSet> Resolve(IReadOnlyList<string> jsonFiles)
    {
        ArgumentNullException.ThrowIfNull(jsonFiles);
        var files = jsonFiles.Select(Parse).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var resolved = new Dictionary<string, ScheduleRuleSet>(StringComparer.Ordinal);
        foreach (var file in files.Values)
        {
            ResolveOne(file, files, resolved, depth: 0);
        }

        return resolved.Values.OrderBy(r => r.EffectiveFrom).ToList();
    }

    private static RuleSetFile Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleSetFile>(json, Options)
                ?? throw new InvalidDataException("A rule file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A rule file is malformed: {e.Message}", e);
        }
    }

    private static ScheduleRuleSet ResolveOne(
        RuleSetFile file,
        IReadOnlyDictionary<string, RuleSetFile> files,
        Dictionary<string, ScheduleRuleSet> resolved,
        int depth)
    {
        if (resolved.TryGetValue(file.Id, out var done))
        {
            return done;
        }

        if (depth > files.Count)
        {
            throw new InvalidDataException($"Rule file {file.Id} is based on itself.");
        }

        ScheduleRuleSet? parent = null;
        if (file.BasedOn is { } parentId)
        {
            parent = files.TryGetValue(parentId, out var parentFile)
                ? ResolveOne(parentFile, files, resolved, depth + 1)
                : throw new InvalidDataException($"Rule file {file.Id} is based on {parentId}, which is not loaded.");
        }

        var ruleSet = Merge(parent, file);
        RuleSetValidator.Validate(ruleSet);
        resolved[file.Id] = ruleSet;
        return ruleSet;
    }

    private static ScheduleRuleSet Merge(ScheduleRuleSet? parent, RuleSetFile file)
    {
        var vaccines = new Dictionary<string, VaccineProduct>(StringComparer.Ordinal);
        foreach (var product in (parent?.Vaccines.Values ?? []).Concat(file.Vaccines))
        {
            vaccines[product.Code] = product;
        }

        // A series with an existing id replaces it in place; new series are appended; removed ones are dropped.
        var series = (parent?.Series ?? []).ToList();
        foreach (var added in file.Series)
        {
            var index = series.FindIndex(s => s.Id == added.Id);
            if (index >= 0)
            {
                series[index] = added;
            }
            else
            {
                series.Add(added);
            }
        }

        series.RemoveAll(s => file.RemoveSeries.Contains(s.Id));
        return new ScheduleRuleSet(
            file.Id,
            file.Title,
            file.Source,
            file.EffectiveFrom,
            vaccines,
            series,
            file.CatchUpBefore ?? parent?.CatchUpBefore ?? CalendarSpan.OfYears(18),
            file.LiveInjectableSpacing ?? parent?.LiveInjectableSpacing ?? CalendarSpan.OfDays(28));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded rule file {name} cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record RuleSetFile
    {
        public required string Id { get; init; }

        public required string Title { get; init; }

        public string Source { get; init; } = string.Empty;

        public required DateOnly EffectiveFrom { get; init; }

        public string? BasedOn { get; init; }

        public CalendarSpan? CatchUpBefore { get; init; }

        public CalendarSpan? LiveInjectableSpacing { get; init; }

        public IReadOnlyList<VaccineProduct> Vaccines { get; init; } = [];

        public IReadOnlyList<Series> Series { get; init; } = [];

        public IReadOnlyList<string> RemoveSeries { get; init; } = [];
    }
}
