using Exchange.Adapters.Model;
using Exchange.Adapters.Results;

namespace Exchange.Silo.Records;

/// <summary>The record after a change of an event's status, or why it was refused (then nothing changed).</summary>
/// <param name="Changed">False when the event was already in the requested status.</param>
[GenerateSerializer, Immutable, Alias("exchange.event-status-outcome.v1")]
public sealed record EventStatusOutcome(PersonRecord? Person, bool Changed, bool Replayed, Issue[] Issues);
