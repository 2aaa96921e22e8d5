using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;
using SearchParamComponent = Hl7.Fhir.Model.CapabilityStatement.SearchParamComponent;

namespace Exchange.Hub.Fhir;

/// <summary>What the FHIR endpoint supports, and nothing more: GET /fhir/metadata.</summary>
internal static class CapabilityStatementFactory
{
    public static CapabilityStatement Create(DateTimeOffset now) => new()
    {
        Status = PublicationStatus.Active,
        Date = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "Exchange immunization hub" },
        Implementation = new ImplementationComponent { Description = "Provincial immunization data-exchange hub: one canonical record per child" },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = "Callers authenticate with an API key (Authorization: Bearer) or a client certificate (401 without, 403 for a role that may not use FHIR); metadata is anonymous. "
                    + "Transactions are atomic per patient record: entries are all checked before any write, and each record is written "
                    + "by one call; a transaction spanning several records is not rolled back across records if a later record's write fails.",
                Resource = [Patient(), Immunization(), ImmunizationRecommendation(), AuditEvent()],
                Interaction =
                [
                    new SystemInteractionComponent { Code = SystemRestfulInteraction.Transaction },
                    new SystemInteractionComponent { Code = SystemRestfulInteraction.Batch },
                ],
                Operation = [ImmdsForecast("a Patient resource with its Immunizations, evaluated without being stored, or a valueReference to a stored Patient")],
            },
        ],
    };

    private static ResourceComponent Patient() => new()
    {
        Type = "Patient",
        Versioning = ResourceVersionPolicy.NoVersion,
        ReadHistory = false,
        UpdateCreate = false,
        ConditionalCreate = true,
        ConditionalUpdate = false,
        ConditionalDelete = ConditionalDeleteStatus.NotSupported,
        Documentation = "id = hub id. Update merges: it adds identifiers and fills facts the record lacks; established facts are not overwritten.",
        Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.Create, TypeRestfulInteraction.Update, TypeRestfulInteraction.SearchType),
        SearchParam =
        [
            Param("_id", SearchParamType.Token, "the hub id"),
            Param("identifier", SearchParamType.Token, "system|value; the hub's identifier systems only"),
            Param("name", SearchParamType.String, "the name starts with the value (case-sensitive)"),
            Param("birthdate", SearchParamType.Date, "equality only, yyyy-MM-dd"),
            Param("gender", SearchParamType.Token, "male, female, other, unknown"),
            new SearchParamComponent
            {
                Name = "mother-identifier",
                Type = SearchParamType.Token,
                Definition = FhirSystems.MotherIdentifierSearchParameter,
                Documentation = "the mother's resident ID number",
            },
        ],
        Operation =
        [
            new OperationComponent { Name = "everything", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything" },
            ImmdsForecast("the stored Patient; GET or POST, assessmentDate in the query or a Parameters body"),
        ],
    };

    private static ResourceComponent AuditEvent() => new()
    {
        Type = "AuditEvent",
        Versioning = ResourceVersionPolicy.NoVersion,
        Documentation = "The exchange log, for auditors only: who sent or read a child's record, newest first.",
        Interaction = Interactions(TypeRestfulInteraction.SearchType),
        SearchParam = [Param("patient", SearchParamType.Reference, "required: the hub id (or Patient/<hub id>) of the child")],
    };

    private static ResourceComponent ImmunizationRecommendation() => new()
    {
        Type = "ImmunizationRecommendation",
        Versioning = ResourceVersionPolicy.NoVersion,
        Documentation = "Computed, never stored: the forecast of one child on a date (NIP rule set in force then), one recommendation per series "
            + "with forecastStatus (HL7 immunization-recommendation-status plus the hub's forecast-status), dateCriterion LOINC 30981-5 earliest, "
            + "30980-7 due, 59778-1 overdue, 59777-3 latest, and the valid doses as supportingImmunization.",
        Interaction = Interactions(TypeRestfulInteraction.SearchType),
        SearchParam =
        [
            Param("patient", SearchParamType.Reference, "required: the hub id (or Patient/<hub id>) of the child"),
            Param("date", SearchParamType.Date, "the assessment date, yyyy-MM-dd (eq only); default today (China time)"),
        ],
    };

    private static OperationComponent ImmdsForecast(string patient) => new()
    {
        Name = "immds-forecast",
        Definition = "http://hl7.org/fhir/us/immds/OperationDefinition/ImmDSForecastOperation",
        Documentation = $"HL7 ImmDS forecast. patient: {patient}. assessmentDate defaults to today. Returns recommendation "
            + "(ImmunizationRecommendation) and one evaluation (ImmunizationEvaluation) per dose and series.",
    };

    private static ResourceComponent Immunization() => new()
    {
        Type = "Immunization",
        Versioning = ResourceVersionPolicy.NoVersion,
        UpdateCreate = false,
        ConditionalCreate = true,
        ConditionalDelete = ConditionalDeleteStatus.NotSupported,
        Documentation = "id = event id. Update only marks an immunization entered-in-error (kept, excluded from forecasts). "
            + "vaccineCode in CVX or the national code; stored as the national code, returned with the CVX beside it.",
        Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.Create, TypeRestfulInteraction.Update, TypeRestfulInteraction.SearchType),
        SearchParam =
        [
            Param("patient", SearchParamType.Reference, "required: searches run within one patient's record"),
            Param("date", SearchParamType.Date, "prefixes eq, ne, gt, lt, ge, le at day precision"),
            Param("vaccine-code", SearchParamType.Token, "national code or CVX"),
            Param("status", SearchParamType.Token, "completed or entered-in-error"),
            Param("identifier", SearchParamType.Token, "the source's record id"),
        ],
    };

    private static List<ResourceInteractionComponent> Interactions(params TypeRestfulInteraction[] codes) =>
        [.. codes.Select(code => new ResourceInteractionComponent { Code = code })];

    private static SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
