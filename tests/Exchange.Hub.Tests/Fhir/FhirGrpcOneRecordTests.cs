using Exchange.Hub.Tests.EndToEnd;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>The FHIR and gRPC views are one record; run once per storage provider.</summary>
public abstract class FhirGrpcOneRecordTests(HubProcess hub)
{
    [Fact]
    public async System.Threading.Tasks.Task Transaction_NewbornWithBcgAndHepB_ClinicInAnotherCityReadsItOverGrpcCanonically()
    {
        var child = TestChildren.Next();
        var patientUrl = FhirTestData.NewUrn();
        var bundle = FhirTestData.Transaction(
            (patientUrl, FhirTestData.Newborn(child)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "19", child.BirthDate)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "08", child.BirthDate, doseNumber: 1)));
        var his = FhirTestData.Client(hub, "maternity-his");

        var response = await his.TransactionAsync(bundle);

        Assert.All(response!.Entry, entry => Assert.StartsWith("201", entry.Response!.Status, StringComparison.Ordinal));
        var clinic = (await hub.ClinicAsync("clinic-other-city"));
        var person = (await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(child.Name, person.Name);
        Assert.Equal(child.Mother.IdNumber, person.Mother.IdNumber);
        var doses = person.Vaccinations.OrderBy(dose => dose.VaccineCode, StringComparer.Ordinal).ToList();
        Assert.Equal(["0101", "0201"], doses.Select(dose => dose.VaccineCode));
        Assert.Equal(["19", "08"], doses.Select(dose => dose.CvxCode));
        Assert.All(doses, dose => Assert.Equal(1, dose.DoseNumber));
        // Birth doses without a performer were given at the maternity unit: the hospital system's own unit, stamped.
        var maternityUnit = HubProcess.ClinicDefinition("maternity-his").UnitCode;
        Assert.All(doses, dose => Assert.Equal((maternityUnit, maternityUnit), (dose.AdministeringUnit, dose.Sources[0].SourceUnit)));
    }

    [Fact]
    public async System.Threading.Tasks.Task DosesRecordedOverGrpc_AppearInFhirSearches()
    {
        var child = TestChildren.WithDoses(3);
        var registered = await (await hub.ClinicAsync()).RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")));
        var fhir = FhirTestData.Client(hub);

        var byMother = await fhir.SearchAsync<Patient>([$"mother-identifier={child.Mother.IdNumber}"]);
        var immunizations = await fhir.SearchAsync<Immunization>([$"patient=Patient/{registered.HubId}"]);
        var firstCode = child.Doses[0].VaccineCode;
        var byCode = await fhir.SearchAsync<Immunization>([$"patient={registered.HubId}", $"vaccine-code={FhirTestData.NationalVaccineCode}|{firstCode}"]);

        Assert.Contains(byMother!.Entry, entry => entry.Resource!.Id == registered.HubId);
        Assert.Equal(child.Doses.Count, immunizations!.Entry.Count);
        Assert.All(immunizations.Entry.Select(entry => (Immunization)entry.Resource!), immunization =>
            Assert.Equal(FhirTestData.NationalVaccineCode, immunization.VaccineCode.Coding[0].System));
        Assert.Equal(child.Doses.Count(dose => dose.VaccineCode == firstCode), byCode!.Entry.Count);
    }

    [Fact]
    public async System.Threading.Tasks.Task EnteredInError_MarkedOverFhir_ShownOverGrpcAndExcludedFromSearchByStatus()
    {
        var child = TestChildren.WithDoses(2);
        var registered = await (await hub.ClinicAsync()).RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")));
        var fhir = FhirTestData.Client(hub);
        var found = await fhir.SearchAsync<Immunization>([$"patient={registered.HubId}"]);
        var immunization = (Immunization)found!.Entry[0].Resource!;
        immunization.Status = Immunization.ImmunizationStatusCodes.EnteredInError;

        var updated = await fhir.UpdateAsync(immunization);

        Assert.Equal(Immunization.ImmunizationStatusCodes.EnteredInError, updated!.Status);
        var person = (await (await hub.ClinicAsync()).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.True(person.Vaccinations.Single(dose => dose.EventId == immunization.Id).EnteredInError);
        Assert.Equal(child.Doses.Count, person.Vaccinations.Count);
        var completed = await fhir.SearchAsync<Immunization>([$"patient={registered.HubId}", "status=completed"]);
        Assert.Equal(child.Doses.Count - 1, completed!.Entry.Count);
    }

    [Fact]
    public async System.Threading.Tasks.Task PatientCreate_RetriedWithIfNoneExist_ReturnsSameRecordWithoutDuplicate()
    {
        var child = TestChildren.Next();
        var fhir = FhirTestData.Client(hub);
        var condition = new SearchParams().Where($"identifier={FhirTestData.Sid}birth-certificate|{child.BirthCertificateNumber}");

        var first = await fhir.ConditionalCreateAsync(FhirTestData.Newborn(child), condition);
        var retry = await fhir.ConditionalCreateAsync(FhirTestData.Newborn(child), condition);

        Assert.Equal(first!.Id, retry!.Id);
        var matches = await fhir.SearchAsync<Patient>([$"identifier={FhirTestData.Sid}child-code|{child.ChildCode}"]);
        Assert.Single(matches!.Entry);
    }
}

public sealed class SqliteFhirGrpcOneRecordTests(SqliteHubFixture fixture) : FhirGrpcOneRecordTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgresFhirGrpcOneRecordTests(PostgresHubFixture fixture) : FhirGrpcOneRecordTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
