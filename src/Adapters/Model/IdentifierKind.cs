namespace Exchange.Adapters.Model;

/// <summary>The kinds of identifier a person is known by. Persisted: values are fixed.</summary>
public enum IdentifierKind
{
    HubId = 1,
    ChildCode = 2,
    VaccinationCertificate = 3,
    BirthCertificate = 4,
    ResidentId = 5,
}
