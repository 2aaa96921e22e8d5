using Exchange.Adapters.Model;

namespace Exchange.Silo.Records;

/// <summary>Register a person (or find the existing one) and record the doses sent with the registration.</summary>
/// <param name="SourceUnit">The reporting system's own unit, stamped on every source it adds.</param>
[GenerateSerializer, Immutable, Alias("exchange.register-person.v1")]
public sealed record RegisterPersonCommand(
    string SourceSystem,
    string ClientMessageId,
    PersonRegistration Registration,
    DoseReport[] Doses,
    DateTimeOffset ReceivedAt,
    string? SourceUnit = null);
