using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;

namespace Exchange.Silo.CodeMaps;

/// <summary>Decides a publish: the version check, then the entries' validation against the hub code systems.</summary>
public static class CodeMapRules
{
    /// <summary>The new version to append, or the issues that stop it.</summary>
    public static PublishCodeMapOutcome Publish(CodeMapState state, string sourceSystem, PublishCodeMapCommand command, CanonicalCodeResolver hub)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var current = state.Versions.Count == 0 ? 0 : state.Versions[^1].Version;
        if (command.ExpectedCurrentVersion is { } expected && expected != current)
        {
            return new PublishCodeMapOutcome(null, [new Issue(
                IssueCode.Conflict, "expected_current_version", $"the current version of {sourceSystem}'s code map is {current}, not {expected}; reload and publish again")]);
        }

        var entries = CodeMapValidator.Validate(command.Entries, hub);
        if (!entries.Succeeded)
        {
            return new PublishCodeMapOutcome(null, [.. entries.Issues]);
        }

        var published = new SourceCodeMap(sourceSystem, current + 1, entries.Value, command.Author, command.PublishedAt, command.Comment);
        return new PublishCodeMapOutcome(published, []);
    }

    public static CodeMapVersionSummary Summarize(SourceCodeMap map, bool current)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new CodeMapVersionSummary(map.SourceSystem, map.Version, map.Author, map.CreatedAt, map.Comment, map.Entries.Count, current);
    }
}
