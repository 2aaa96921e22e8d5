namespace Exchange.Adapters.Model;

/// <summary>One dose on a person's record, with every system that reported it.</summary>
/// <param name="EventId">Hub-assigned id, unique within the person's record.</param>
/// <param name="Sources">Every system that reported this dose; the first is the one that created it.</param>
public sealed record VaccinationEvent(string EventId, Dose Dose, IReadOnlyList<EventSource> Sources);
