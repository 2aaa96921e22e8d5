using System.Globalization;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Results;
using Exchange.Silo.Records;

namespace Exchange.Silo.Rules;

/// <summary>How reported doses join a record: one event per dose, every reporting source kept.</summary>
public static class DoseRules
{
    /// <summary>Checks the doses against the record; issues name the dose by its position in the command.</summary>
    public static Issue[] Check(Demographics demographics, IReadOnlyList<DoseReport> doses, string field)
    {
        var issues = new List<Issue>();
        for (var i = 0; i < doses.Count; i++)
        {
            if (doses[i].Dose.Date < demographics.BirthDate)
            {
                issues.Add(Issue.Invalid(
                    $"{field}[{i}].date",
                    $"vaccination date {CanonicalDates.Format(doses[i].Dose.Date)} is before the birth date {CanonicalDates.Format(demographics.BirthDate)}"));
            }
        }

        return [.. issues];
    }

    /// <summary>Adds the doses to the events; returns the new event list and what happened to each dose.</summary>
    public static (IReadOnlyList<VaccinationEvent> Events, DoseOutcome[] Outcomes) Apply(
        string hubId, IReadOnlyList<VaccinationEvent> events, IReadOnlyList<DoseReport> doses, string sourceSystem, DateTimeOffset receivedAt, string? sourceUnit = null)
    {
        var merged = new List<VaccinationEvent>(events);
        var outcomes = new DoseOutcome[doses.Count];
        var nextNumber = NextEventNumber(events);
        for (var i = 0; i < doses.Count; i++)
        {
            var dose = doses[i];
            var index = merged.FindIndex(existing => existing.Dose.Key == dose.Dose.Key);
            if (index < 0)
            {
                var created = new VaccinationEvent(EventId(hubId, nextNumber++), dose.Dose, [new EventSource(sourceSystem, dose.SourceRecordId, receivedAt, dose.CodeMapVersion, sourceUnit)]);
                merged.Add(created);
                outcomes[i] = new DoseOutcome(i, DoseOutcomeKind.Recorded, created.EventId);
                continue;
            }

            var existing = merged[index];
            if (existing.Sources.Any(source => source.SourceSystem == sourceSystem))
            {
                outcomes[i] = new DoseOutcome(i, DoseOutcomeKind.AlreadyRecorded, existing.EventId);
                continue;
            }

            merged[index] = existing with { Sources = [.. existing.Sources, new EventSource(sourceSystem, dose.SourceRecordId, receivedAt, dose.CodeMapVersion, sourceUnit)] };
            outcomes[i] = new DoseOutcome(i, DoseOutcomeKind.Merged, existing.EventId);
        }

        var ordered = merged.OrderBy(e => e.Dose.Date).ThenBy(e => e.Dose.VaccineCode, StringComparer.Ordinal).ThenBy(e => e.Dose.DoseNumber).ToList();
        return (ordered, outcomes);
    }

    public static bool ChangesRecord(DoseOutcome[] outcomes) => outcomes.Any(outcome => outcome.Kind != DoseOutcomeKind.AlreadyRecorded);

    /// <summary>Event ids are the hub id and a number counting the person's events: "{hubId}-{number}".</summary>
    public static string EventId(string hubId, int number) => string.Create(CultureInfo.InvariantCulture, $"{hubId}-{number}");

    public static int EventNumber(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var dash = eventId.LastIndexOf('-');
        return dash >= 0 && int.TryParse(eventId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }

    private static int NextEventNumber(IReadOnlyList<VaccinationEvent> events) =>
        events.Count == 0 ? 1 : events.Max(existing => EventNumber(existing.EventId)) + 1;
}
