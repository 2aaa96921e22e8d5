using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Silo.Access;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// The FHIR side of unit stamping (as <see cref="Grpc.UnitStamping"/> on gRPC): a system records doses only as given
/// at a unit it serves, and a clinic registers only children it manages; a hospital registers newborns for the
/// clinic that will manage them.
/// </summary>
internal static class FhirUnitStamping
{
    public static FhirError? Refusal(WritePlan plan, Caller caller)
    {
        var issues = new List<FhirIssue>();
        foreach (var target in plan.Targets)
        {
            if (caller.Role == SystemRole.Clinic && target.Registration is { } registration
                && !caller.Serves(registration.Demographics.ManagingUnit) && target.PatientEntry is { } patient)
            {
                issues.Add(Forbidden(patient.Expression("managingOrganization"), registration.Demographics.ManagingUnit));
            }

            issues.AddRange(target.Doses
                .Where(item => !caller.Serves(item.Dose.Dose.AdministeringUnit))
                .Select(item => Forbidden(item.Entry.Expression("performer"), item.Dose.Dose.AdministeringUnit)));
        }

        return issues.Count == 0 ? null : new FhirError(StatusCodes.Status403Forbidden, issues);
    }

    private static FhirIssue Forbidden(string expression, string unit) =>
        new(OperationOutcome.IssueType.Forbidden, $"this system may not write for unit {unit}; its writes are stamped with its own unit", expression);
}
