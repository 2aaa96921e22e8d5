using System.Globalization;
using System.Net.Http.Headers;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>FHIR resources for the tests, built with the Firely SDK, and clients of the hub's FHIR endpoint.</summary>
internal static class FhirTestData
{
    public const string Sid = "https://exchange.hub/fhir/sid/";
    public const string ResidenceRegion = "https://exchange.hub/fhir/StructureDefinition/residence-region";
    public const string ContactIdentifier = "https://exchange.hub/fhir/StructureDefinition/contact-identifier";
    public const string NationalVaccineCode = "https://exchange.hub/fhir/CodeSystem/vaccine-code";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    /// <summary>An HTTP client of the FHIR endpoint as hospital system <paramref name="system"/> (registered and keyed on first use).</summary>
    public static HttpClient Http(HubProcess hub, string system = "his-test") =>
        new(new HospitalKeyHandler(hub, system)) { BaseAddress = new Uri(hub.HttpBase, "/fhir/") };

    /// <summary>The Firely FHIR client, as a hospital system would use it.</summary>
    public static FhirClient Client(HubProcess hub, string system = "his-test") =>
        new(new Uri(hub.HttpBase, "/fhir"), new HttpClient(new HospitalKeyHandler(hub, system)), new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

    /// <summary>Adds the hospital system's API key to every request; the system is registered on the first one.</summary>
    private sealed class HospitalKeyHandler(HubProcess hub, string system) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var definition = HubProcess.ClinicDefinition(system);
            definition.Role = Exchange.Protos.V1.SystemRole.Hospital;
            var key = await hub.ApiKeyAsync(definition);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    public static StringContent Json(Resource resource)
    {
        var content = new StringContent(Serializer.SerializeToString(resource));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return content;
    }

    public static StringContent Json(string json)
    {
        var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return content;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource => (T)Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync());

    public static T Parse<T>(string json)
        where T : Resource => (T)Deserializer.DeserializeResource(json);

    /// <summary>A newborn as a maternity unit's HIS sends it: birth certificate, mother with ID number, unit, region.</summary>
    public static Patient Newborn(SyntheticChild child)
    {
        var patient = new Patient
        {
            Identifier = [new Identifier(Sid + "birth-certificate", child.BirthCertificateNumber), new Identifier(Sid + "child-code", child.ChildCode)],
            Name = [new HumanName { Text = child.Name }],
            Gender = child.IsMale ? AdministrativeGender.Male : AdministrativeGender.Female,
            BirthDate = Date(child.BirthDate),
            ManagingOrganization = new ResourceReference { Identifier = new Identifier(Sid + "unit-code", child.ManagingUnit) },
        };
        patient.SetExtension(ResidenceRegion, new Code(child.ResidenceRegion));
        var mother = new Patient.ContactComponent
        {
            Relationship = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "MTH")],
            Name = new HumanName { Text = child.Mother.Name },
        };
        mother.SetExtension(ContactIdentifier, new Identifier(Sid + "resident-id", child.Mother.IdNumber));
        patient.Contact.Add(mother);
        return patient;
    }

    public static Immunization Dose(string patientReference, string system, string code, DateOnly date, int? doseNumber = null)
    {
        var immunization = new Immunization
        {
            Status = Immunization.ImmunizationStatusCodes.Completed,
            VaccineCode = new CodeableConcept(system, code),
            Patient = new ResourceReference(patientReference),
            Occurrence = new FhirDateTime(Date(date)),
        };
        if (doseNumber is { } number)
        {
            immunization.ProtocolApplied.Add(new Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(number) });
        }

        return immunization;
    }

    public static Bundle Transaction(params (string FullUrl, Resource Resource)[] entries)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var (fullUrl, resource) in entries)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = fullUrl,
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
            });
        }

        return bundle;
    }

    public static string NewUrn() => "urn:uuid:" + Guid.NewGuid();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The hub's FHIR path for a shared sample file, or null (the test then says the data is absent).</summary>
    public static string? SampleFolder(string name) => RepositoryPaths.SharedData is { } data && Directory.Exists(Path.Combine(data, name))
        ? Path.Combine(data, name)
        : null;
}
