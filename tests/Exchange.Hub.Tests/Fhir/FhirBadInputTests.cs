using System.Net;
using System.Net.Http.Headers;
using Exchange.Hub.Tests.EndToEnd;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>Every refusal is an OperationOutcome with the right status and an expression at the offending element.</summary>
public sealed class FhirBadInputTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private readonly HttpClient _http = FhirTestData.Http(fixture.Hub);

    [Fact]
    public async System.Threading.Tasks.Task Post_MalformedJson_BadRequestStructure()
    {
        var response = await _http.PostAsync("Patient", FhirTestData.Json("{\"resourceType\":\"Patient\","));

        var issue = await SingleIssueAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(OperationOutcome.IssueType.Structure, issue.Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task Post_WrongResourceType_BadRequestAtResourceType()
    {
        var response = await _http.PostAsync("Patient", FhirTestData.Json("{\"resourceType\":\"Immunization\",\"status\":\"completed\"}"));

        var issue = await SingleIssueAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["resourceType"], issue.Expression);
    }

    [Fact]
    public async System.Threading.Tasks.Task Transaction_ReferenceToMissingEntry_BadRequestAtReference()
    {
        var bundle = FhirTestData.Transaction((FhirTestData.NewUrn(), FhirTestData.Dose("urn:uuid:00000000-0000-0000-0000-000000000000", FhirTestData.Cvx, "19", new DateOnly(2026, 1, 5))));

        var response = await _http.PostAsync(string.Empty, FhirTestData.Json(bundle));

        var issue = await SingleIssueAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(OperationOutcome.IssueType.NotFound, issue.Code);
        Assert.Equal(["Bundle.entry[0].resource.patient.reference"], issue.Expression);
    }

    [Fact]
    public async System.Threading.Tasks.Task Transaction_OneBadVaccineCode_NothingWrittenAndEntryNamed()
    {
        var child = TestChildren.Next();
        var patientUrl = FhirTestData.NewUrn();
        var bundle = FhirTestData.Transaction(
            (patientUrl, FhirTestData.Newborn(child)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "19", child.BirthDate)),
            (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "999", child.BirthDate)));

        var response = await _http.PostAsync(string.Empty, FhirTestData.Json(bundle));

        var issue = await SingleIssueAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(OperationOutcome.IssueType.CodeInvalid, issue.Code);
        Assert.Equal(["Bundle.entry[2].resource.vaccineCode"], issue.Expression);
        var search = await FhirTestData.ReadAsync<Bundle>(await _http.GetAsync($"Patient?identifier={FhirTestData.Sid}child-code|{child.ChildCode}"));
        Assert.Empty(search.Entry);
    }

    [Fact]
    public async System.Threading.Tasks.Task Post_OversizedPayload_PayloadTooLarge()
    {
        var padding = new string(' ', 9 * 1024 * 1024);

        var response = await _http.PostAsync(string.Empty, FhirTestData.Json("{\"resourceType\":\"Bundle\"," + padding + "\"type\":\"batch\"}"));

        var issue = await SingleIssueAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(OperationOutcome.IssueType.TooCostly, issue.Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task Post_XmlContentType_UnsupportedMediaType()
    {
        var content = new StringContent("<Patient xmlns=\"http://hl7.org/fhir\"/>");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+xml");

        var response = await _http.PostAsync("Patient", content);

        await SingleIssueAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_WithoutCallerHeader_UnauthorizedButMetadataAnonymous()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.Hub.HttpBase, "/fhir/") };

        var read = await anonymous.GetAsync("Patient/0123456789abcdef0123456789abcdef");
        var metadata = await anonymous.GetAsync("metadata");

        await SingleIssueAsync(read, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        var capability = await FhirTestData.ReadAsync<CapabilityStatement>(metadata);
        Assert.Equal(["Patient", "Immunization", "ImmunizationRecommendation", "AuditEvent"], capability.Rest[0].Resource.Select(resource => resource.Type));
    }

    [Fact]
    public async System.Threading.Tasks.Task Patient_InvalidBirthDateAndUnknownId_PreciseOutcomes()
    {
        var patient = FhirTestData.Newborn(TestChildren.Next());
        patient.BirthDate = "2999-01-01";

        var invalid = await _http.PostAsync("Patient", FhirTestData.Json(patient));
        var unknown = await _http.GetAsync("Patient/0123456789abcdef0123456789abcdef");
        var delete = await _http.DeleteAsync("Patient/0123456789abcdef0123456789abcdef");

        Assert.Equal(["Patient.birthDate"], (await SingleIssueAsync(invalid, HttpStatusCode.BadRequest)).Expression);
        Assert.Equal(OperationOutcome.IssueType.NotFound, (await SingleIssueAsync(unknown, HttpStatusCode.NotFound)).Code);
        await SingleIssueAsync(delete, HttpStatusCode.MethodNotAllowed);
    }

    private static async Task<OperationOutcome.IssueComponent> SingleIssueAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        // A refusal that was quarantined also carries an informational issue naming the quarantine id.
        return Assert.Single((await FhirTestData.ReadAsync<OperationOutcome>(response)).Issue, issue => issue.Severity != OperationOutcome.IssueSeverity.Information);
    }
}
