using Exchange.Adapters.Model;

namespace Exchange.Silo.Records;

/// <summary>Register a person (or find the existing one) and record the doses sent with the registration.</summary>
/// <param name="SourceUnit">The reporting system's own unit, stamped on every source it adds.</param>
/// <param name="ReleaseAfterWrite">
/// The sender is not expected to touch the record again soon (a bulk upload): the person's activation is released once
/// the write is stored, instead of staying in memory for its idle time.
/// </param>
[GenerateSerializer, Immutable, Alias("exchange.register-person.v1")]
public sealed record RegisterPersonCommand(
    string SourceSystem,
    string ClientMessageId,
    PersonRegistration Registration,
    DoseReport[] Doses,
    DateTimeOffset ReceivedAt,
    string? SourceUnit = null,
    bool ReleaseAfterWrite = false);
