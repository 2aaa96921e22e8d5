using System.Text.RegularExpressions;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Silo.Access;

/// <summary>What makes a system definition acceptable; pure, so it is tested without a cluster.</summary>
public static partial class AccessRules
{
    public const int MaxOtherUnits = 500;

    /// <summary>Id of the administrator created at first start.</summary>
    public const string BootstrapSystemId = "bootstrap-admin";

    /// <summary>Problems with a definition, each naming its field; empty when it is acceptable.</summary>
    public static Issue[] Check(SystemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var issues = new List<Issue>();
        if (!SystemIdPattern().IsMatch(definition.SystemId ?? string.Empty))
        {
            issues.Add(Issue.Invalid("system.system_id", "1-64 characters: lower-case letters, digits, '.', '-' or '_', starting with a letter or digit"));
        }

        if (string.IsNullOrWhiteSpace(definition.DisplayName) || definition.DisplayName.Length > 200)
        {
            issues.Add(Issue.Invalid("system.display_name", "a display name of 1-200 characters is required"));
        }

        if (!Enum.IsDefined(definition.Role))
        {
            issues.Add(Issue.Invalid("system.role", "the role is required: CLINIC, HOSPITAL, AUDITOR, PUBLIC_PORTAL, ADMINISTRATOR or DISEASE_CONTROL"));
        }

        var needsUnit = definition.Role is SystemRole.Clinic or SystemRole.Hospital;
        CheckUnit(definition.UnitCode, "system.unit_code", needsUnit, issues);
        if (!needsUnit && definition.OtherUnits.Length > 0)
        {
            issues.Add(Issue.Invalid("system.other_units", "only clinic and hospital systems report for units"));
        }

        if (definition.OtherUnits.Length > MaxOtherUnits)
        {
            issues.Add(Issue.Invalid("system.other_units", $"at most {MaxOtherUnits} units"));
        }
        else
        {
            for (var i = 0; i < definition.OtherUnits.Length; i++)
            {
                CheckUnit(definition.OtherUnits[i], $"system.other_units[{i}]", required: true, issues);
            }
        }

        if (definition.Role == SystemRole.DiseaseControl && string.IsNullOrEmpty(definition.RegionCode))
        {
            issues.Add(Issue.Invalid("system.region_code", "a disease-control system needs the GB/T 2260 code of the region whose reports it reads"));
        }

        if (!string.IsNullOrEmpty(definition.RegionCode) && RegionCode.Check(definition.RegionCode) is { } regionProblem)
        {
            issues.Add(Issue.Invalid("system.region_code", regionProblem));
        }

        return [.. issues];
    }

    /// <summary>True when at least one enabled administrator has a key or certificate that can still be used.</summary>
    public static bool HasUsableAdministrator(AccessRegistryState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var administrators = state.Systems.Values
            .Where(system => system.Role == SystemRole.Administrator && system.Enabled)
            .Select(system => system.SystemId)
            .ToHashSet(StringComparer.Ordinal);
        return state.Keys.Values.Any(key => administrators.Contains(key.SystemId) && key.IsActive(now))
            || state.Certificates.Values.Any(certificate => administrators.Contains(certificate.SystemId));
    }

    private static void CheckUnit(string? unitCode, string field, bool required, List<Issue> issues)
    {
        if (string.IsNullOrEmpty(unitCode))
        {
            if (required)
            {
                issues.Add(Issue.Invalid(field, "clinic and hospital systems need their 10-digit unit code"));
            }

            return;
        }

        if (UnitCode.Check(unitCode) is { } problem)
        {
            issues.Add(Issue.Invalid(field, problem));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SystemIdPattern();
}
