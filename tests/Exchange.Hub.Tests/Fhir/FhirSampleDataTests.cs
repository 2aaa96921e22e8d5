using System.Net;
using System.Text.Json.Nodes;
using Exchange.Hub.Tests.EndToEnd;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>The official R4 examples and the Synthea patients posted to the running hub and read back.</summary>
public sealed class FhirSampleDataTests(SqliteHubFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteHubFixture>
{
    private readonly HttpClient _http = FhirTestData.Http(fixture.Hub);

    [Fact]
    public async System.Threading.Tasks.Task Synthea_EveryTransaction_EveryImmunizationStoredCanonicallyAndOtherTypesReported()
    {
        if (FhirTestData.SampleFolder("synthea-r4") is not { } folder)
        {
            output.WriteLine("Skipped: ../shared/data/synthea-r4 (beside the folder holding Exchange.sln) was not found.");
            return;
        }

        var files = Directory.GetFiles(folder, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            var entries = json["entry"]!.AsArray();
            var sentCvx = entries.Where(entry => Type(entry) == "Immunization")
                .Select(entry => (string)entry!["resource"]!["vaccineCode"]!["coding"]![0]!["code"]!).Order(StringComparer.Ordinal).ToList();
            AddRegistryFacts(entries.Single(entry => Type(entry) == "Patient")!["resource"]!, TestChildren.Next());

            var response = await _http.PostAsync(string.Empty, FhirTestData.Json(json.ToJsonString()));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(file)}: {await response.Content.ReadAsStringAsync()}");
            var result = await FhirTestData.ReadAsync<Bundle>(response);
            Assert.Equal(entries.Count, result.Entry.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var status = result.Entry[i].Response!;
                if (Type(entries[i]) is "Patient" or "Immunization")
                {
                    Assert.StartsWith("201", status.Status, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(OperationOutcome.IssueType.NotSupported, status.Outcome is OperationOutcome outcome ? outcome.Issue[0].Code : null);
                }
            }

            var patientId = result.Entry.Select(entry => entry.Response!.Location).First(location => location!.StartsWith("Patient/", StringComparison.Ordinal))!;
            var everything = await FhirTestData.ReadAsync<Bundle>(await _http.GetAsync($"{patientId}/$everything"));
            var stored = everything.Entry.Select(entry => entry.Resource).OfType<Immunization>().ToList();
            Assert.Equal(sentCvx.Count, stored.Count);
            Assert.All(stored, immunization => Assert.Equal(FhirTestData.NationalVaccineCode, immunization.VaccineCode.Coding[0].System));
            Assert.Equal(sentCvx, stored.Select(immunization => immunization.VaccineCode.Coding.Single(coding => coding.System == FhirTestData.Cvx).Code).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task OfficialExamples_PatientWithoutRegistryFacts_RefusedNamingEachMissingElement()
    {
        if (FhirTestData.SampleFolder("fhir-r4-examples") is not { } folder)
        {
            output.WriteLine("Skipped: ../shared/data/fhir-r4-examples was not found.");
            return;
        }

        var response = await _http.PostAsync("Patient", FhirTestData.Json(await File.ReadAllTextAsync(Path.Combine(folder, "patient-example-chinese.json"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var expressions = (await FhirTestData.ReadAsync<OperationOutcome>(response)).Issue.SelectMany(issue => issue.Expression).ToList();
        Assert.Contains("Patient.identifier", expressions);
        Assert.Contains("Patient.managingOrganization.identifier", expressions);
    }

    [Fact]
    public async System.Threading.Tasks.Task OfficialExamples_ChinesePatientWithRegistryFacts_StoredAndReadBack()
    {
        if (FhirTestData.SampleFolder("fhir-r4-examples") is not { } folder)
        {
            output.WriteLine("Skipped: ../shared/data/fhir-r4-examples was not found.");
            return;
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "patient-example-chinese.json")))!;
        AddRegistryFacts(json, TestChildren.Next());

        var created = await _http.PostAsync("Patient", FhirTestData.Json(json.ToJsonString()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await FhirTestData.ReadAsync<Patient>(await _http.GetAsync(created.Headers.Location));
        Assert.Equal("张无忌", read.Name[0].Text);
        Assert.Equal("1974-12-25", read.BirthDate);
    }

    [Fact]
    public async System.Threading.Tasks.Task OfficialExamples_TransactionWithDeleteAndRead_RefusedNamingEachEntryAndNothingWritten()
    {
        if (FhirTestData.SampleFolder("fhir-r4-examples") is not { } folder)
        {
            output.WriteLine("Skipped: ../shared/data/fhir-r4-examples was not found.");
            return;
        }

        var response = await _http.PostAsync(string.Empty, FhirTestData.Json(await File.ReadAllTextAsync(Path.Combine(folder, "bundle-transaction.json"))));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var outcome = await FhirTestData.ReadAsync<OperationOutcome>(response);
        var expressions = outcome.Issue.SelectMany(issue => issue.Expression).ToList();
        Assert.Contains("Bundle.entry[5].request.method", expressions);
        Assert.Contains("Bundle.entry[8].request.method", expressions);
        Assert.Contains("Bundle.entry[3].request.url", expressions);
    }

    [Fact]
    public async System.Threading.Tasks.Task OfficialExamples_ImmunizationInLocalCode_RefusedAtVaccineCode()
    {
        if (FhirTestData.SampleFolder("fhir-r4-examples") is not { } folder)
        {
            output.WriteLine("Skipped: ../shared/data/fhir-r4-examples was not found.");
            return;
        }

        var response = await _http.PostAsync("Immunization", FhirTestData.Json(await File.ReadAllTextAsync(Path.Combine(folder, "immunization-example.json"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issue = Assert.Single((await FhirTestData.ReadAsync<OperationOutcome>(response)).Issue, issue => issue.Severity == OperationOutcome.IssueSeverity.Error);
        Assert.Equal(["Immunization.vaccineCode"], issue.Expression);
    }

    private static string? Type(JsonNode? entry) => (string?)entry?["resource"]?["resourceType"];

    /// <summary>
    /// What a Chinese provincial registry requires and foreign data cannot carry: a hub identifier system, the
    /// residence region and the managing unit. The rest of the resource is posted as published.
    /// </summary>
    private static void AddRegistryFacts(JsonNode patient, SyntheticChild facts)
    {
        var identifiers = patient["identifier"] as JsonArray ?? [];
        identifiers.Add(new JsonObject { ["system"] = FhirTestData.Sid + "birth-certificate", ["value"] = facts.BirthCertificateNumber });
        patient["identifier"] = identifiers;
        var extensions = patient["extension"] as JsonArray ?? [];
        extensions.Add(new JsonObject { ["url"] = FhirTestData.ResidenceRegion, ["valueCode"] = facts.ResidenceRegion });
        patient["extension"] = extensions;
        patient["managingOrganization"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = FhirTestData.Sid + "unit-code", ["value"] = facts.ManagingUnit } };
    }
}
