namespace Exchange.Hub.Tests.Access;

/// <summary>Who a matrix call is made as: a system of each role, or a caller with no or bad credentials.</summary>
public enum CallerKind
{
    Clinic,
    Hospital,
    Auditor,
    PublicPortal,
    Administrator,
    DiseaseControl,
    NoCredentials,
    RevokedKey,
    WrongSecret,
    MalformedToken,
    DisabledSystem,
}
