using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Mapping;
using Exchange.Hub.Fhir.VaccineCodes;
using Exchange.Silo.Registry;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// Checks and normalizes every write of a request before anything is written, and groups the writes per record so
/// each record is written by one grain call. Uses the same normalizers as the gRPC clinic API, with the caller's code
/// map: codes in systems the hub does not know are read through it, and every dose records the map version in force.
/// </summary>
internal sealed class WritePlanner(PersonDirectory directory, VaccineCodeTranslator translator)
{
    /// <param name="callerUnit">The caller's own unit: where a dose without a performer was given.</param>
    /// <param name="codes">The caller's code translator (its current code map); the hub's tables only when null.</param>
    public async Task<WritePlan> PlanAsync(
        IReadOnlyList<WriteEntry> entries, DateOnly today, bool transaction, string? callerUnit = null, ICodeTranslator? codes = null)
    {
        codes ??= SourceCodeTranslator.HubOnly;
        var plan = new WritePlan();
        var byEntry = new Dictionary<WriteEntry, PatientTarget>();
        var byHubId = new Dictionary<string, PatientTarget>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => entry.Resource is Patient))
        {
            if (await PlanPatientAsync(entry, (Patient)entry.Resource, today, plan, codes) is { } target)
            {
                byEntry[entry] = target;
                if (target.HubId is { } hubId)
                {
                    byHubId[hubId] = target;
                }
            }
        }

        var immunizations = new List<(WriteEntry Entry, ImmunizationInput Input, PatientTarget Target)>();
        var localPatients = new LocalPatients(entries);
        foreach (var entry in entries)
        {
            switch (entry.Resource)
            {
                case Patient:
                    break;
                case Immunization immunization when entry.Method == "PUT":
                    await PlanStatusChangeAsync(entry, immunization, plan);
                    break;
                case Immunization immunization:
                    var (input, error) = ImmunizationInput.From(immunization, translator, codes);
                    var target = input is null ? null : await TargetOfAsync(entry, input.Patient, localPatients, byEntry, byHubId, plan);
                    if (error is not null)
                    {
                        plan.Fail(entry, error);
                    }
                    else if (target is not null)
                    {
                        immunizations.Add((entry, input!, target));
                    }

                    break;
                default:
                    if (transaction)
                    {
                        plan.Answered[entry.Index] = new EntryResult("200 OK", null, WritePlan.NotStored(entry.ResourceType));
                    }
                    else
                    {
                        plan.Fail(entry, FhirError.BusinessRule(null, $"{entry.ResourceType} is not stored by this hub (it keeps Patient and Immunization)"));
                    }

                    break;
            }
        }

        foreach (var group in immunizations.GroupBy(item => item.Target))
        {
            PlanDoses(group.Key, [.. group.Select(item => (item.Entry, item.Input))], today, plan, callerUnit, codes.MapVersion);
        }

        return plan;
    }

    private async Task<PatientTarget?> PlanPatientAsync(WriteEntry entry, Patient patient, DateOnly today, WritePlan plan, ICodeTranslator codes)
    {
        var input = PatientInput.From(patient);
        var normalized = PersonNormalizer.Normalize(input.Reported, PatientInput.Field, today, codes);
        if (!normalized.Succeeded)
        {
            plan.Fail(entry, OperationOutcomes.FromNormalizer(normalized.Issues, input.PathOf));
            return null;
        }

        if (entry.Method == "PUT")
        {
            var stored = await directory.GetRecordAsync(entry.TargetId!);
            if (stored is null)
            {
                plan.Fail(entry, FhirError.NotFound("Patient.id", $"no Patient {entry.TargetId}: hub ids are assigned by the hub, so an update cannot create one"));
                return null;
            }

            var update = new PatientTarget(entry, normalized.Value, entry.TargetId, stored);
            plan.Targets.Add(update);
            return update;
        }

        if (entry.IfNoneExist is { } query)
        {
            var found = await FindByIdentifierAsync(entry, query, plan);
            if (found.Failed)
            {
                return null;
            }

            if (found.Record is { } existing)
            {
                plan.Answered[entry.Index] = EntryResult.Ok($"Patient/{existing.HubId}");
                var matched = new PatientTarget(null, null, existing.HubId, existing);
                plan.Targets.Add(matched);
                return matched;
            }
        }

        var created = new PatientTarget(entry, normalized.Value, null, null);
        plan.Targets.Add(created);
        return created;
    }

    private async Task<(bool Failed, PersonRecord? Record)> FindByIdentifierAsync(WriteEntry entry, string query, WritePlan plan)
    {
        var expression = entry.Prefix is null ? "If-None-Exist" : $"{entry.Prefix[..entry.Prefix.LastIndexOf('.')]}.request.ifNoneExist";
        var (system, value, error) = ConditionalQuery.ParseIdentifier(query, expression);
        if (error is not null)
        {
            plan.Errors.Add(error);
            return (true, null);
        }

        if (PatientInput.KindOf(system) is not { } kind)
        {
            plan.Errors.Add(FhirError.Invalid(expression, $"identifier system '{system}' is not one the hub indexes (see the hub's identifier systems)"));
            return (true, null);
        }

        var hubId = await directory.ResolveAsync(new PersonIdentifier(kind, kind == IdentifierKind.HubId ? value!.ToLowerInvariant() : value!.ToUpperInvariant()));
        return (false, hubId is null ? null : await directory.GetRecordAsync(hubId));
    }

    private async Task<PatientTarget?> TargetOfAsync(
        WriteEntry entry,
        ResourceReference reference,
        LocalPatients localPatients,
        Dictionary<WriteEntry, PatientTarget> byEntry,
        Dictionary<string, PatientTarget> byHubId,
        WritePlan plan)
    {
        var expression = "Immunization.patient.reference";
        if (reference.Reference is { } literal && localPatients.Find(literal) is { } patientEntry)
        {
            // Null when the Patient entry itself failed: that is already reported.
            return byEntry.GetValueOrDefault(patientEntry);
        }

        var hubId = reference.Reference is { } text ? PatientId(text) : await ResolveIdentifierAsync(reference.Identifier);
        if (reference.Reference is { } unresolved && unresolved.StartsWith("urn:", StringComparison.Ordinal))
        {
            plan.Fail(entry, new FhirError(StatusCodes.Status400BadRequest, [new FhirIssue(
                OperationOutcome.IssueType.NotFound, $"no entry of this Bundle has fullUrl '{unresolved}'", expression)]));
            return null;
        }

        if (hubId is null)
        {
            plan.Fail(entry, reference.Reference is null
                ? FhirError.NotFound("Immunization.patient.identifier", "no Patient has this identifier")
                : FhirError.Invalid(expression, $"'{reference.Reference}' is not a reference to a Patient (Patient/{{id}})"));
            return null;
        }

        if (byHubId.TryGetValue(hubId, out var known))
        {
            return known;
        }

        var stored = await directory.GetRecordAsync(hubId);
        if (stored is null)
        {
            plan.Fail(entry, FhirError.NotFound(expression, $"no Patient {hubId}"));
            return null;
        }

        var target = new PatientTarget(null, null, hubId, stored);
        plan.Targets.Add(target);
        byHubId[hubId] = target;
        return target;
    }

    private async Task<string?> ResolveIdentifierAsync(Identifier? identifier) =>
        identifier is { Value: { } value } && PatientInput.KindOf(identifier.System) is { } kind
            ? await directory.ResolveAsync(new PersonIdentifier(kind, kind == IdentifierKind.HubId ? value.ToLowerInvariant() : value.ToUpperInvariant()))
            : null;

    /// <summary>The id of "Patient/{id}" (relative or absolute); null for anything else.</summary>
    private static string? PatientId(string reference)
    {
        var marker = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (marker < 0 || (marker > 0 && reference[marker - 1] != '/'))
        {
            return null;
        }

        var id = reference[(marker + "Patient/".Length)..];
        var history = id.IndexOf('/', StringComparison.Ordinal);
        return history < 0 ? id : id[..history];
    }

    private async System.Threading.Tasks.Task PlanStatusChangeAsync(WriteEntry entry, Immunization immunization, WritePlan plan)
    {
        if (immunization.Status != Immunization.ImmunizationStatusCodes.EnteredInError)
        {
            plan.Fail(entry, FhirError.BusinessRule("Immunization.status", "an Immunization is updated only to mark it entered-in-error; a correction is a new Immunization"));
            return;
        }

        var eventId = entry.TargetId!;
        var dash = eventId.LastIndexOf('-');
        var hubId = dash > 0 ? eventId[..dash] : eventId;
        var record = await directory.GetRecordAsync(hubId);
        if (record?.Vaccinations.Any(vaccination => vaccination.EventId == eventId) != true)
        {
            plan.Fail(entry, FhirError.NotFound("Immunization.id", $"no Immunization {eventId}"));
            return;
        }

        plan.StatusChanges.Add((entry, hubId, eventId));
    }

    /// <param name="mapVersion">The caller's code map version, recorded on every dose as gRPC does.</param>
    private static void PlanDoses(
        PatientTarget target, List<(WriteEntry Entry, ImmunizationInput Input)> items, DateOnly today, WritePlan plan, string? callerUnit, string? mapVersion)
    {
        var pending = new List<(WriteEntry Entry, ImmunizationInput Input)>();
        foreach (var item in items)
        {
            var known = item.Input.SourceIdentifier is { } id && item.Entry.IfNoneExist is not null
                ? target.StoredEvents.FirstOrDefault(e => e.Sources.Any(source => source.SourceRecordId == id))
                : null;
            if (known is not null)
            {
                plan.Answered[item.Entry.Index] = EntryResult.Ok($"Immunization/{known.EventId}");
                target.Existing.Add((item.Entry, known.EventId));
            }
            else
            {
                pending.Add(item);
            }
        }

        var keys = pending.Select(item => (item.Input.Coding.NationalCode, DateOf(item.Input.Reported), item.Input.DoseNumber)).ToList();
        var numbers = DoseNumbering.Assign(target.StoredEvents, keys);
        for (var i = 0; i < pending.Count; i++)
        {
            var (entry, input) = pending[i];
            var reported = input.Reported with { DoseNumber = numbers[i], AdministeringUnit = input.AdministeringUnit ?? callerUnit ?? target.ManagingUnit };
            // The vaccine is already canonical (translated per coding system), so the hub's tables read it here.
            var dose = VaccinationNormalizer.Normalize(reported, ImmunizationInput.Field, target.BirthDate, today);
            if (!dose.Succeeded)
            {
                plan.Fail(entry, OperationOutcomes.FromNormalizer(dose.Issues, ImmunizationInput.PathOf));
                continue;
            }

            var value = dose.Value;
            target.Doses.Add((entry, value with { Dose = value.Dose with { Cvx = input.Coding.ReportedCvx }, CodeMapVersion = mapVersion }));
        }
    }

    private static DateOnly DateOf(ReportedVaccination reported) =>
        CanonicalDates.TryParseDate(reported.Date, out var date) ? date : DateOnly.MinValue;
}
