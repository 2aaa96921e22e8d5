using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Records;

namespace Exchange.Silo.Rules;

/// <summary>Marking a vaccination event entered-in-error: the event stays on the record, flagged, never deleted.</summary>
public static class EnteredInErrorRules
{
    /// <summary>
    /// The record with the event marked; the record unchanged when it was already marked (Changed false);
    /// or a not-found issue when the record has no such event.
    /// </summary>
    public static (PersonRecord? Updated, bool Changed, Issue[] Issues) Apply(PersonRecord record, MarkEnteredInErrorCommand command)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(command);
        var events = record.Vaccinations.ToList();
        var index = events.FindIndex(vaccination => vaccination.EventId == command.EventId);
        if (index < 0)
        {
            return (null, false, [new Issue(IssueCode.NotFound, "event_id", $"the record has no vaccination event {command.EventId}")]);
        }

        if (!events[index].IsValid)
        {
            return (record, false, []);
        }

        events[index] = events[index] with { EnteredInError = new EnteredInErrorMark(command.SourceSystem, command.ReceivedAt) };
        return (record with { Vaccinations = events, UpdatedAt = command.ReceivedAt }, true, []);
    }
}
