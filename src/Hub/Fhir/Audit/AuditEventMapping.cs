using System.Text.RegularExpressions;
using Exchange.Silo.Audit;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Audit;

/// <summary>An exchange-log entry as a FHIR AuditEvent: who (system, unit, region) did what to which Patient, when, how it ended.</summary>
internal static partial class AuditEventMapping
{
    public const string ExchangeOperation = "https://exchange.hub/fhir/CodeSystem/exchange-operation";
    public const string CallerSystem = "https://exchange.hub/fhir/sid/system";
    private const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";

    public static AuditEvent ToAuditEvent(this LoggedEntry logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var entry = logged.Entry;
        var audit = new AuditEvent
        {
            Id = IdOf(logged),
            Type = new Coding(AuditEventType, "rest", "RESTful Operation"),
            Subtype = [new Coding(ExchangeOperation, entry.Operation)],
            Action = ActionOf(entry.Kind),
            Recorded = entry.RecordedAt,
            Outcome = OutcomeOf(entry.Outcome),
            OutcomeDesc = $"{entry.Protocol} {entry.StatusCode}",
            Agent =
            [
                new AuditEvent.AgentComponent
                {
                    Requestor = true,
                    Who = new ResourceReference
                    {
                        Identifier = new Identifier(CallerSystem, entry.Caller.System),
                        Display = $"unit {Or(entry.Caller.Unit)}, region {Or(entry.Caller.Region)}",
                    },
                    Location = entry.Caller.Unit.Length == 0 ? null : new ResourceReference
                    {
                        Identifier = new Identifier(FhirSystems.UnitCode, entry.Caller.Unit),
                    },
                },
            ],
            Source = new AuditEvent.SourceComponent
            {
                Site = logged.ChainId,
                Observer = new ResourceReference { Display = "Exchange hub" },
            },
            Entity = [.. entry.Persons.Select(person => new AuditEvent.EntityComponent
            {
                What = new ResourceReference($"Patient/{person.HubId}"),
            })],
        };
        return audit;
    }

    private static string Or(string value) => value.Length == 0 ? "unknown" : value;

    private static AuditEvent.AuditEventAction ActionOf(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Write => AuditEvent.AuditEventAction.C,
        ExchangeKind.Read or ExchangeKind.Search or ExchangeKind.Lookup or ExchangeKind.Report or ExchangeKind.Audit => AuditEvent.AuditEventAction.R,
        ExchangeKind.Transfer or ExchangeKind.Merge => AuditEvent.AuditEventAction.U,
        _ => AuditEvent.AuditEventAction.E,
    };

    private static AuditEvent.AuditEventOutcome OutcomeOf(ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Succeeded => AuditEvent.AuditEventOutcome.N0,
        ExchangeOutcome.Rejected => AuditEvent.AuditEventOutcome.N4,
        _ => AuditEvent.AuditEventOutcome.N8,
    };

    /// <summary>Chain and sequence, in the characters a FHIR id allows.</summary>
    private static string IdOf(LoggedEntry logged) => $"{NotIdCharacters().Replace(logged.ChainId, "-")}.{logged.Sequence}";

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex NotIdCharacters();
}
