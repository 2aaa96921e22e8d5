namespace Exchange.Hub.Fhir;

/// <summary>
/// The URIs the FHIR endpoint reads and writes: identifier systems, code systems and extensions (listed in README).
/// </summary>
internal static class FhirSystems
{
    /// <summary>The root of the hub's own URIs (code systems, extensions, identifier systems).</summary>
    public const string Base = "https://exchange.hub/fhir";

    public const string HubId = Base + "/sid/hub-id";
    public const string ChildCode = Base + "/sid/child-code";
    public const string VaccinationCertificate = Base + "/sid/vaccination-certificate";
    public const string BirthCertificate = Base + "/sid/birth-certificate";
    public const string ResidentId = Base + "/sid/resident-id";

    /// <summary>10-digit vaccination-unit code, on Organization references (managing and administering unit).</summary>
    public const string UnitCode = Base + "/sid/unit-code";

    /// <summary>National 4-digit vaccine codes (疫苗编码).</summary>
    public const string NationalVaccineCode = Base + "/CodeSystem/vaccine-code";

    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>Hub codes of routes and body sites (route.csv, site.csv).</summary>
    public const string Route = Base + "/CodeSystem/route";
    public const string Site = Base + "/CodeSystem/site";

    /// <summary>HL7 v2 tables 0162 (route) and 0163 (site), also accepted on input.</summary>
    public const string V2Route = "http://terminology.hl7.org/CodeSystem/v2-0162";
    public const string V2Site = "http://terminology.hl7.org/CodeSystem/v2-0163";

    /// <summary>Patient extension (valueCode): GB/T 2260 code of the current residence region.</summary>
    public const string ResidenceRegion = Base + "/StructureDefinition/residence-region";

    /// <summary>Patient extension (valueCode): GB/T 2260 code of the household-registration (户籍) region.</summary>
    public const string HouseholdRegion = Base + "/StructureDefinition/household-region";

    /// <summary>Patient.contact extension (valueIdentifier): the contact's resident ID number.</summary>
    public const string ContactIdentifier = Base + "/StructureDefinition/contact-identifier";

    /// <summary>Patient extension (valueQuantity, g): birth weight.</summary>
    public const string BirthWeight = "http://hl7.org/fhir/StructureDefinition/patient-birthWeight";

    /// <summary>Patient.birthDate extension (valueDateTime): the time of birth.</summary>
    public const string BirthTime = "http://hl7.org/fhir/StructureDefinition/patient-birthTime";

    /// <summary>Contact relationship codes (HL7 v3 RoleCode): mother and guardian.</summary>
    public const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string MotherRole = "MTH";
    public const string GuardianRole = "GUARD";

    /// <summary>Search parameter definition of the mother's resident ID number.</summary>
    public const string MotherIdentifierSearchParameter = Base + "/SearchParameter/Patient-mother-identifier";
}
