using Exchange.Protos.V1;
using Google.Protobuf.Reflection;

namespace Exchange.Hub.Tests.Access;

/// <summary>The role groups of the access model, as the requirements state them.</summary>
public enum RoleGroup
{
    /// <summary>Clinic and hospital systems write clinical records.</summary>
    ClinicalWrite,

    /// <summary>Clinic and hospital systems read clinical records.</summary>
    ClinicalRead,

    /// <summary>Clinics and hospitals (own units) and disease-control centres (their region) read schedule reports.</summary>
    Reports,

    /// <summary>Auditors read the exchange log.</summary>
    Audit,

    /// <summary>The public portal performs the public lookup.</summary>
    PublicLookup,

    /// <summary>Administrators manage systems, credentials and code maps.</summary>
    Administration,

    /// <summary>Open to any authenticated system.</summary>
    AnyAuthenticated,

    /// <summary>Open to anyone, without credentials.</summary>
    Anonymous,
}

/// <summary>
/// Who may call what: every method of every gRPC service and every HTTP endpoint, with its role group. The matrix
/// test calls each one as every role and without or with bad credentials, so an endpoint missing here, or a method
/// added to a service without a decision, fails the test.
/// To add a service: one line in <see cref="Services"/>; to add an HTTP endpoint: one line in <see cref="HttpEndpoints"/>.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyList<(ServiceDescriptor Service, Func<string, RoleGroup?> Decide)> Services =
    [
        (ClinicRecords.Descriptor, method => method switch
        {
            "RegisterChild" or "RecordVaccinations" or "TransferChild" or "BulkUpload" => RoleGroup.ClinicalWrite,
            "GetRecord" or "FindChildren" or "GetForecast" => RoleGroup.ClinicalRead,
            _ => null,
        }),
        (AccessAdministration.Descriptor, _ => RoleGroup.Administration),
        (CodeMaps.Descriptor, _ => RoleGroup.Administration),
        (Exchange.Protos.V1.Quarantine.Descriptor, _ => RoleGroup.Administration),
        (ScheduleReports.Descriptor, _ => RoleGroup.Reports),
        (ExchangeAudit.Descriptor, _ => RoleGroup.Audit),
        (Exchange.Protos.V1.PublicLookup.Descriptor, _ => RoleGroup.PublicLookup),
        (global::Grpc.Health.V1.Health.Descriptor, _ => RoleGroup.Anonymous),
        (global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, _ => RoleGroup.AnyAuthenticated),
    ];

    /// <summary>HTTP endpoints: method, path (with a sample id where it has one) and role group.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, RoleGroup Group)> HttpEndpoints =
    [
        ("GET", "/health", RoleGroup.Anonymous),
        ("GET", "/fhir/metadata", RoleGroup.Anonymous),
        ("POST", "/fhir", RoleGroup.ClinicalWrite),
        ("GET", "/fhir/Patient?gender=female", RoleGroup.ClinicalRead),
        ("POST", "/fhir/Patient", RoleGroup.ClinicalWrite),
        ("GET", "/fhir/Patient/unknown-id", RoleGroup.ClinicalRead),
        ("PUT", "/fhir/Patient/unknown-id", RoleGroup.ClinicalWrite),
        ("GET", "/fhir/Patient/unknown-id/$everything", RoleGroup.ClinicalRead),
        ("GET", "/fhir/Immunization?patient=unknown-id", RoleGroup.ClinicalRead),
        ("POST", "/fhir/Immunization", RoleGroup.ClinicalWrite),
        ("GET", "/fhir/Immunization/unknown-id", RoleGroup.ClinicalRead),
        ("PUT", "/fhir/Immunization/unknown-id", RoleGroup.ClinicalWrite),
        ("GET", "/fhir/AuditEvent?patient=unknown-id", RoleGroup.Audit),
        ("GET", "/fhir/ImmunizationRecommendation?patient=unknown-id", RoleGroup.ClinicalRead),
        ("POST", "/fhir/$immds-forecast", RoleGroup.ClinicalRead),
        ("GET", "/fhir/Patient/unknown-id/$immds-forecast", RoleGroup.ClinicalRead),
        ("POST", "/fhir/Patient/unknown-id/$immds-forecast", RoleGroup.ClinicalRead),
    ];

    /// <summary>The roles in each group (null: no credentials needed at all).</summary>
    public static IReadOnlyList<SystemRole>? Roles(RoleGroup group) => group switch
    {
        RoleGroup.ClinicalWrite or RoleGroup.ClinicalRead => [SystemRole.Clinic, SystemRole.Hospital],
        RoleGroup.Reports => [SystemRole.Clinic, SystemRole.Hospital, SystemRole.DiseaseControl],
        RoleGroup.Audit => [SystemRole.Auditor],
        RoleGroup.PublicLookup => [SystemRole.PublicPortal],
        RoleGroup.Administration => [SystemRole.Administrator],
        RoleGroup.AnyAuthenticated => [SystemRole.Clinic, SystemRole.Hospital, SystemRole.Auditor, SystemRole.PublicPortal, SystemRole.Administrator, SystemRole.DiseaseControl],
        _ => null,
    };
}
