using System.Text.Json.Serialization;

namespace Exchange.Adapters.Model;

/// <summary>One dose on a person's record, with every system that reported it.</summary>
/// <param name="EventId">Hub-assigned id, unique within the person's record.</param>
/// <param name="Sources">Every system that reported this dose; the first is the one that created it.</param>
/// <param name="EnteredInError">
/// Set when a system marked the event entered-in-error: the event is kept for the record's history but is no longer
/// a dose the person had (schedules and forecasts ignore it). Null for a valid event.
/// </param>
public sealed record VaccinationEvent(string EventId, Dose Dose, IReadOnlyList<EventSource> Sources, EnteredInErrorMark? EnteredInError = null)
{
    /// <summary>False when the event was marked entered-in-error.</summary>
    [JsonIgnore]
    public bool IsValid => EnteredInError is null;
}
