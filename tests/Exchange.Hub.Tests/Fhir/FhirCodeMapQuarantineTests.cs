using System.Net;
using System.Text;
using System.Text.RegularExpressions;
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
public abstract partial class FhirCodeMapQuarantineTests(HubProcess hub)
{
    private const string VendorSystem = "urn:vendor:x";

    private readonly CodeMaps.CodeMapsClient _codeMaps = new(hub.AdminCalls());
    private readonly Protos.V1.Quarantine.QuarantineClient _quarantine = new(hub.AdminCalls());

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
                new CodeMapEntry { System = Protos.V1.CodeSystem.Route, LocalCode = "JR", CanonicalCode = "1" },
                new CodeMapEntry { System = Protos.V1.CodeSystem.Site, LocalCode = "YSB", CanonicalCode = "2" },
            },
        });
        var http = FhirTestData.Http(hub, his);
        var patient = FhirTestData.Newborn(child);
        patient.SetExtension(FhirTestData.ResidenceRegion, new Code("HOME"));
        var sent = FhirTestData.Dose("Patient/placeholder", VendorSystem, "V01", child.BirthDate);
        sent.Route = new CodeableConcept("urn:vendor:x:route", "jr");
        sent.Site = new CodeableConcept("urn:vendor:x:site", "YSB");

        var registered = await FhirTestData.ReadAsync<Patient>(await http.PostAsync("Patient", FhirTestData.Json(patient)));
        sent.Patient = new ResourceReference($"Patient/{registered.Id}");
        var response = await http.PostAsync("Immunization", FhirTestData.Json(sent));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await FhirTestData.ReadAsync<Immunization>(response);
        Assert.Equal(
            [(FhirTestData.NationalVaccineCode, "0202"), (FhirTestData.Cvx, "45")],
            stored.VaccineCode.Coding.Select(coding => (coding.System, coding.Code)));
        var person = (await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(child.ResidenceRegion, person.ResidenceRegion);
        var dose = Assert.Single(person.Vaccinations);
        Assert.Equal(("0202", "45"), (dose.VaccineCode, dose.CvxCode));
        Assert.Equal((Route.Intramuscular, Site.RightUpperArm), (dose.Route, dose.Site));
        Assert.Equal((his, $"{his}@1"), (dose.Sources[0].SourceSystem, dose.Sources[0].CodeMapVersion));
    }

    [Fact]
    public async System.Threading.Tasks.Task Immunization_UnmappedLocalCode_HeldUntilTheMapIsFixed_ThenRecordedOnce()
    {
        var his = $"his-{Guid.NewGuid():N}";
        var child = TestChildren.Next();
        var http = FhirTestData.Http(hub, his);
        var hubId = (await FhirTestData.ReadAsync<Patient>(await http.PostAsync("Patient", FhirTestData.Json(FhirTestData.Newborn(child))))).Id;
        var dose = FhirTestData.Json(FhirTestData.Dose($"Patient/{hubId}", VendorSystem, "V01", child.BirthDate));

        // Refused at the element, and held with the reason and the original JSON.
        var refused = await http.PostAsync("Immunization", dose);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var (error, quarantineId) = Refusal(await FhirTestData.ReadAsync<OperationOutcome>(refused));
        Assert.Equal((OperationOutcome.IssueType.CodeInvalid, "Immunization.vaccineCode"), (error.Code, error.Expression.Single()));
        var item = Assert.Single((await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = his, ReasonCode = "unknown-code" })).Items);
        Assert.Equal((quarantineId, QuarantineStatus.Held, "fhir:create"), (item.Id, item.Status, item.Operation));
        Assert.Equal("Immunization.vaccineCode", Assert.Single(item.Reasons).Field);
        var held = FhirTestData.Parse<Bundle>(Encoding.UTF8.GetString((await _quarantine.GetQuarantinedAsync(new GetQuarantinedRequest { Id = quarantineId })).Payload.Span));
        Assert.Equal("V01", ((Immunization)Assert.Single(held.Entry).Resource!).VaccineCode.Coding.Single().Code);

        // The administrator fixes the map and resubmits: the dose is recorded as the hospital's, with the map version.
        await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = his,
            Entries = { new CodeMapEntry { System = Protos.V1.CodeSystem.Vaccine, LocalCode = "V01", CanonicalCode = "0202" } },
        });
        var accepted = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);
        var second = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);

        Assert.Equal((QuarantineStatus.ResubmittedAccepted, true, hubId, $"{his}@1"), (accepted.Status, accepted.Replayed, accepted.Resolution.HubId, accepted.Resolution.CodeMapVersion));
        Assert.Equal((QuarantineStatus.ResubmittedAccepted, false), (second.Status, second.Replayed));
        var stored = Assert.Single((await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person.Vaccinations);
        Assert.Equal(("0202", his, $"{his}@1"), (stored.VaccineCode, stored.Sources[0].SourceSystem, stored.Sources[0].CodeMapVersion));
    }

    [Fact]
    public async System.Threading.Tasks.Task Transaction_UnmappedCode_WholeBundleHeldNothingWritten_ResubmitWritesTheRecord()
    {
        var his = $"his-{Guid.NewGuid():N}";
        var child = TestChildren.Next();
        var patientUrl = FhirTestData.NewUrn();
        var bundle = FhirTestData.Transaction(
            (patientUrl, FhirTestData.Newborn(child)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "19", child.BirthDate)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, VendorSystem, "V01", child.BirthDate)));
        var clinic = await hub.ClinicAsync();

        var refused = await FhirTestData.Http(hub, his).PostAsync(string.Empty, FhirTestData.Json(bundle));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var (error, quarantineId) = Refusal(await FhirTestData.ReadAsync<OperationOutcome>(refused));
        Assert.Equal("Bundle.entry[2].resource.vaccineCode", error.Expression.Single());
        var item = Assert.Single((await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = his })).Items);
        Assert.Equal((quarantineId, "fhir:transaction", "Bundle.entry[2].resource.vaccineCode"), (item.Id, item.Operation, item.Reasons.Single().Field));
        var notYet = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() }));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, notYet.StatusCode);

        await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = his,
            Entries = { new CodeMapEntry { System = Protos.V1.CodeSystem.Vaccine, LocalCode = "V01", CanonicalCode = "0202" } },
        });
        var accepted = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);

        Assert.Equal(QuarantineStatus.ResubmittedAccepted, accepted.Status);
        var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(accepted.Resolution.HubId, person.HubId);
        Assert.Equal(["0101", "0202"], person.Vaccinations.Select(dose => dose.VaccineCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Batch_InvalidIdNumberEntryHeldAlone_RightsRefusalNotHeld()
    {
        var his = $"his-{Guid.NewGuid():N}";
        var good = TestChildren.Next();
        var bad = FhirTestData.Newborn(TestChildren.Next());
        var mother = bad.Contact[0].GetExtensionValue<Hl7.Fhir.Model.Identifier>(FhirTestData.ContactIdentifier)!;
        var idNumber = mother.Value!;
        mother.Value = idNumber[..^1] + (idNumber[^1] == '0' ? '1' : '0');
        // A well-formed unit the test systems do not serve.
        var otherUnit = "4201060999";
        var elsewhere = FhirTestData.Dose("Patient/unknown", FhirTestData.Cvx, "19", good.BirthDate);
        elsewhere.Patient = new ResourceReference { Identifier = new Hl7.Fhir.Model.Identifier(FhirTestData.Sid + "child-code", good.ChildCode) };
        elsewhere.Performer.Add(new Immunization.PerformerComponent { Actor = new ResourceReference { Identifier = new Hl7.Fhir.Model.Identifier(FhirTestData.Sid + "unit-code", otherUnit) } });
        var batch = FhirTestData.Transaction((FhirTestData.NewUrn(), FhirTestData.Newborn(good)), (FhirTestData.NewUrn(), bad), (FhirTestData.NewUrn(), elsewhere));
        batch.Type = Bundle.BundleType.Batch;

        var response = await FhirTestData.ReadAsync<Bundle>(await FhirTestData.Http(hub, his).PostAsync(string.Empty, FhirTestData.Json(batch)));

        Assert.Equal(["201 Created", "400 Bad Request", "403 Forbidden"], response.Entry.Select(entry => entry.Response!.Status));
        var (error, quarantineId) = Refusal(response.Entry[1].Response!.Outcome as OperationOutcome ?? throw new Xunit.Sdk.XunitException("no outcome"));
        Assert.Equal(OperationOutcome.IssueType.Invalid, error.Code);
        var item = Assert.Single((await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = his })).Items);
        Assert.Equal((quarantineId, "fhir:create", "invalid-id-number"), (item.Id, item.Operation, item.Reasons.Single().Code));
        var held = FhirTestData.Parse<Bundle>(Encoding.UTF8.GetString((await _quarantine.GetQuarantinedAsync(new GetQuarantinedRequest { Id = quarantineId })).Payload.Span));
        Assert.Equal(bad.Identifier[0].Value, ((Patient)Assert.Single(held.Entry).Resource!).Identifier[0].Value);
    }

    /// <summary>The error issue of a quarantined refusal, and the quarantine id its informational issue names.</summary>
    private static (OperationOutcome.IssueComponent Error, string QuarantineId) Refusal(OperationOutcome outcome)
    {
        var error = Assert.Single(outcome.Issue, issue => issue.Severity == OperationOutcome.IssueSeverity.Error);
        var held = Assert.Single(outcome.Issue, issue => issue.Severity == OperationOutcome.IssueSeverity.Information);
        return (error, QuarantineIdPattern().Match(held.Diagnostics ?? string.Empty).Value);
    }

    [GeneratedRegex("q-[0-9a-f]{32}")]
    private static partial Regex QuarantineIdPattern();
}

public sealed class SqliteFhirCodeMapQuarantineTests(SqliteHubFixture fixture)
    : FhirCodeMapQuarantineTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgreSqlFhirCodeMapQuarantineTests(PostgresHubFixture fixture)
    : FhirCodeMapQuarantineTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
