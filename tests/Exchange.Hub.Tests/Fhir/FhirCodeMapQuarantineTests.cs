using System.Net;
using Exchange.Hub.Tests.EndToEnd;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>
/// FHIR inputs go through the sender's code map like gRPC ones, and what cannot be normalized waits in quarantine
/// until the map is fixed; run once per storage provider.
/// </summary>
public abstract class FhirCodeMapQuarantineTests(HubProcess hub)
{
    private const string VendorSystem = "urn:vendor:x";

    private readonly CodeMaps.CodeMapsClient _codeMaps = new(hub.AdminCalls());

    [Fact]
    public async System.Threading.Tasks.Task Immunization_VendorLocalCode_StoredCanonicallyWithTheMapVersion()
    {
        var his = $"his-{Guid.NewGuid():N}";
        var child = TestChildren.Next();
        await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = his,
            Entries =
            {
                new CodeMapEntry { System = Protos.V1.CodeSystem.Vaccine, LocalCode = "V01", CanonicalCode = "0202" },
                new CodeMapEntry { System = Protos.V1.CodeSystem.Region, LocalCode = "HOME", CanonicalCode = child.ResidenceRegion },
            },
        });
        var http = FhirTestData.Http(hub, his);
        var patient = FhirTestData.Newborn(child);
        patient.SetExtension(FhirTestData.ResidenceRegion, new Code("HOME"));

        var registered = await FhirTestData.ReadAsync<Patient>(await http.PostAsync("Patient", FhirTestData.Json(patient)));
        var response = await http.PostAsync("Immunization", FhirTestData.Json(FhirTestData.Dose($"Patient/{registered.Id}", VendorSystem, "V01", child.BirthDate)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await FhirTestData.ReadAsync<Immunization>(response);
        Assert.Equal(
            [(FhirTestData.NationalVaccineCode, "0202"), (FhirTestData.Cvx, "45")],
            stored.VaccineCode.Coding.Select(coding => (coding.System, coding.Code)));
        var person = (await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(child.ResidenceRegion, person.ResidenceRegion);
        var dose = Assert.Single(person.Vaccinations);
        Assert.Equal(("0202", "45"), (dose.VaccineCode, dose.CvxCode));
        Assert.Equal((his, $"{his}@1"), (dose.Sources[0].SourceSystem, dose.Sources[0].CodeMapVersion));
    }
}

public sealed class SqliteFhirCodeMapQuarantineTests(SqliteHubFixture fixture)
    : FhirCodeMapQuarantineTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgreSqlFhirCodeMapQuarantineTests(PostgresHubFixture fixture)
    : FhirCodeMapQuarantineTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
