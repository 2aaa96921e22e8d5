using Exchange.Adapters.Normalization;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;
using Exchange.Hub.Callers;
using Exchange.Silo.Access;
using Google.Protobuf.Collections;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>
/// Keeps a clinic or hospital to its own units. An empty administering unit (and, for a clinic, an empty managing
/// unit or move-in unit) means the caller's own unit and is filled in; a unit the caller does not serve is refused
/// with PERMISSION_DENIED naming the field. A hospital registers newborns for the clinic that will manage them, so
/// it may name any managing unit, but only its own units as administering unit.
/// </summary>
internal static class UnitStamping
{
    /// <summary>Fills in and checks the units of a registration; returns the refused fields.</summary>
    public static Issue[] Registration(Caller caller, V1.Person? child, RepeatedField<V1.Vaccination> vaccinations)
    {
        var issues = new List<Issue>();
        if (child is not null && caller.Role == SystemRole.Clinic)
        {
            child.ManagingUnit = Stamp(caller, child.ManagingUnit, "child.managing_unit", issues);
        }

        Administering(caller, vaccinations, issues);
        return [.. issues];
    }

    /// <summary>Fills in and checks the administering units of reported doses; returns the refused fields.</summary>
    public static Issue[] Doses(Caller caller, RepeatedField<V1.Vaccination> vaccinations)
    {
        var issues = new List<Issue>();
        Administering(caller, vaccinations, issues);
        return [.. issues];
    }

    /// <summary>A move-in names the unit the child moves to: the caller's own.</summary>
    public static Issue[] Transfer(Caller caller, V1.TransferChildRequest request)
    {
        var issues = new List<Issue>();
        if (request.Kind == V1.TransferKind.MoveIn)
        {
            request.ToUnit = Stamp(caller, request.ToUnit, "to_unit", issues);
        }

        return [.. issues];
    }

    private static void Administering(Caller caller, RepeatedField<V1.Vaccination> vaccinations, List<Issue> issues)
    {
        for (var i = 0; i < vaccinations.Count; i++)
        {
            // The field's path is built only for a refusal: this runs for every dose reported.
            vaccinations[i].AdministeringUnit = Stamp(caller, vaccinations[i].AdministeringUnit, out var refused);
            if (refused is not null)
            {
                issues.Add(new Issue(IssueCode.Forbidden, $"vaccinations[{i}].administering_unit", refused));
            }
        }
    }

    private static string Stamp(Caller caller, string reported, string field, List<Issue> issues)
    {
        var unit = Stamp(caller, reported, out var refused);
        if (refused is not null)
        {
            issues.Add(new Issue(IssueCode.Forbidden, field, refused));
        }

        return unit;
    }

    /// <returns>The unit to store; <paramref name="refused"/> says why the caller may not name it, if so.</returns>
    private static string Stamp(Caller caller, string reported, out string? refused)
    {
        refused = null;
        if (caller.UnitCode is null)
        {
            return reported;
        }

        var unit = TextCleaner.CleanCode(reported);
        if (unit is null)
        {
            return caller.UnitCode;
        }

        // A malformed code is left to the normalizer, which names what is wrong with it.
        if (UnitCode.Check(unit) is null && !caller.Serves(unit))
        {
            refused = $"unit {unit} is not a unit of system '{caller.SystemId}' (its unit is {caller.UnitCode}); leave it empty to use your own";
        }

        return unit;
    }
}
