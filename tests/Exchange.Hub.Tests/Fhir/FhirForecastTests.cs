using System.Net;
using Exchange.Hub.Tests.EndToEnd;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Tests.Fhir;

/// <summary>The forecast over FHIR (ImmunizationRecommendation search and $immds-forecast) against the real hub.</summary>
public sealed class FhirForecastTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string Loinc = "http://loinc.org";
    private const string Hl7Status = "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status";
    private const string HubStatus = "https://exchange.hub/fhir/CodeSystem/forecast-status";
    private const string HubReason = "https://exchange.hub/fhir/CodeSystem/dose-status-reason";

    [Fact]
    public async System.Threading.Tasks.Task RecommendationSearch_NewbornWithBcgAndHepB1_HepBDose2DueAtOneMonth()
    {
        var child = ChildBornInRuleSets();
        var hubId = await StoreNewbornAsync(child, withBirthDoses: true);
        var assessedOn = child.BirthDate.AddMonths(1);
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.GetAsync(new Uri($"ImmunizationRecommendation?patient=Patient/{hubId}&date={FhirTestData.Date(assessedOn)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await FhirTestData.ReadAsync<Bundle>(response);
        var recommendation = Assert.IsType<ImmunizationRecommendation>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal($"Patient/{hubId}", recommendation.Patient.Reference);
        Assert.Equal(FhirTestData.Date(assessedOn), recommendation.Date);
        var hepB = Series(recommendation, "HepB");
        Assert.Equal(("due", "due"), (Code(hepB.ForecastStatus, Hl7Status), Code(hepB.ForecastStatus, HubStatus)));
        Assert.Equal(2, Assert.IsType<PositiveInt>(hepB.DoseNumber).Value);
        Assert.Equal(FhirTestData.Date(assessedOn), DateOf(hepB, "30980-7"));
        Assert.Equal(FhirTestData.Date(assessedOn), DateOf(hepB, "30981-5"));
        Assert.Equal(FhirTestData.NationalVaccineCode, hepB.VaccineCode[0].Coding[0].System);
        Assert.Contains(hepB.VaccineCode[0].Coding, coding => coding.System == FhirTestData.Cvx);
        var supporting = Assert.Single(hepB.SupportingImmunization);
        Assert.StartsWith($"Immunization/{hubId}-", supporting.Reference, StringComparison.Ordinal);
        Assert.Equal("complete", Code(Series(recommendation, "BCG").ForecastStatus, Hl7Status));
    }

    [Fact]
    public async System.Threading.Tasks.Task ImmdsForecast_PostedPatientWithDoses_EvaluatesWithoutStoringAnything()
    {
        var child = ChildBornInRuleSets();
        var patient = FhirTestData.Newborn(child);
        patient.Id = "posted-child";
        var hepB1 = FhirTestData.Dose("Patient/posted-child", FhirTestData.NationalVaccineCode, "0202", child.BirthDate);
        hepB1.Id = "dose-1";
        var tooEarly = FhirTestData.Dose("Patient/posted-child", FhirTestData.Cvx, "08", child.BirthDate.AddDays(10));
        tooEarly.Id = "dose-2";
        var parameters = ForecastInput(patient, hepB1, tooEarly);
        parameters.Add("assessmentDate", new Date(FhirTestData.Date(child.BirthDate.AddMonths(1))));
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.PostAsync(new Uri("$immds-forecast", UriKind.Relative), FhirTestData.Json(parameters));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = await FhirTestData.ReadAsync<Parameters>(response);
        var recommendation = (ImmunizationRecommendation)output.Parameter.Single(p => p.Name == "recommendation").Resource!;
        var hepB = Series(recommendation, "HepB");
        Assert.Equal(2, Assert.IsType<PositiveInt>(hepB.DoseNumber).Value);
        Assert.Equal("Immunization/dose-1", Assert.Single(hepB.SupportingImmunization).Reference);
        var evaluations = output.Parameter.Where(p => p.Name == "evaluation").Select(p => (ImmunizationEvaluation)p.Resource!).ToList();
        var early = evaluations.Single(evaluation => evaluation.ImmunizationEvent.Reference == "Immunization/dose-2");
        Assert.Equal("notvalid", early.DoseStatus.Coding[0].Code);
        Assert.Equal("too-early", Code(early.DoseStatusReason[0], HubReason));
        var first = evaluations.Single(evaluation => evaluation.ImmunizationEvent.Reference == "Immunization/dose-1");
        Assert.Equal("valid", first.DoseStatus.Coding[0].Code);

        var stored = await FhirTestData.Client(fixture.Hub).SearchAsync<Patient>([$"identifier={FhirTestData.Sid}child-code|{child.ChildCode}"]);
        Assert.Empty(stored!.Entry);
    }

    [Fact]
    public async System.Threading.Tasks.Task RecommendationSearch_DtapChangeOf2025_VisibleForTwoAssessmentDates()
    {
        // Born 2024-10-15: under the 2021 edition DTaP dose 1 is from 3 months (2025-01-15); from 2025-01-01 from 2 months.
        var child = TestChildren.Next();
        var patient = FhirTestData.Newborn(child);
        patient.BirthDate = "2024-10-15";
        patient.Identifier.RemoveAll(identifier => identifier.System == FhirTestData.Sid + "child-code");
        var created = await FhirTestData.Client(fixture.Hub).CreateAsync(patient);
        using var http = FhirTestData.Http(fixture.Hub);

        var hubId = created!.Id!;
        var before = Series(await RecommendationAsync(http, hubId, "2024-12-20"), "DTaP");
        var after = Series(await RecommendationAsync(http, hubId, "2025-01-02"), "DTaP");

        Assert.Equal(("not-yet-due", "2025-01-15"), (Code(before.ForecastStatus, HubStatus), DateOf(before, "30981-5")));
        Assert.Equal(("due", "2024-12-15"), (Code(after.ForecastStatus, HubStatus), DateOf(after, "30981-5")));
    }

    [Fact]
    public async System.Threading.Tasks.Task PatientImmdsForecast_SameChildAndDate_AgreesWithGrpcGetForecast()
    {
        var child = TestChildren.WithDoses(6);
        while (child.BirthDate < new DateOnly(2021, 3, 1))
        {
            child = TestChildren.WithDoses(6);
        }

        var clinic = await fixture.Hub.ClinicAsync();
        var registered = await clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")));
        var date = FhirTestData.Date(child.Doses.Max(dose => dose.Date).AddDays(20));
        var grpc = await clinic.GetForecastAsync(new GetForecastRequest { Child = child.ByChildCode(), AssessmentDate = date });
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.GetAsync(new Uri($"Patient/{registered.HubId}/$immds-forecast?assessmentDate={date}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = await FhirTestData.ReadAsync<Parameters>(response);
        var recommendation = (ImmunizationRecommendation)output.Parameter.Single(p => p.Name == "recommendation").Resource!;
        Assert.Equal(grpc.Forecasts.Count, recommendation.Recommendation.Count);
        foreach (var forecast in grpc.Forecasts)
        {
            var fhir = Series(recommendation, forecast.Series);
            Assert.Equal(
                (HubCode(forecast.Status), forecast.NextDose, forecast.VaccineCode, forecast.EarliestDate, forecast.RecommendedDate, forecast.OverdueDate),
                (Code(fhir.ForecastStatus, HubStatus), (fhir.DoseNumber as PositiveInt)?.Value ?? 0, fhir.VaccineCode.FirstOrDefault()?.Coding[0].Code ?? string.Empty,
                    DateOf(fhir, "30981-5") ?? string.Empty, DateOf(fhir, "30980-7") ?? string.Empty, DateOf(fhir, "59778-1") ?? string.Empty));
        }

        var evaluations = output.Parameter.Where(p => p.Name == "evaluation").Select(p => (ImmunizationEvaluation)p.Resource!)
            .Select(e => ($"{e.ImmunizationEvent.Reference}|{e.Series}", e.DoseStatus.Coding[0].Code ?? string.Empty, (e.DoseNumber as PositiveInt)?.Value ?? 0))
            .Order().ToList();
        var expected = grpc.Evaluations
            .Select(e => ($"Immunization/{e.EventId}|{e.Series}", e.Status == DoseStatus.Valid ? "valid" : "notvalid", e.DoseNumber))
            .Order().ToList();
        Assert.Equal(expected, evaluations);
    }

    [Fact]
    public async System.Threading.Tasks.Task RecommendationSearch_UnknownPatient_NotFoundNamingPatient()
    {
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.GetAsync(new Uri("ImmunizationRecommendation?patient=Patient/no-such-child", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var outcome = await FhirTestData.ReadAsync<OperationOutcome>(response);
        Assert.Equal("patient", Assert.Single(outcome.Issue).Expression.Single());
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2020-06-01")]
    public async System.Threading.Tasks.Task Forecasts_BadAssessmentDate_BadRequestNamingTheDate(string date)
    {
        var hubId = await StoreNewbornAsync(ChildBornInRuleSets(), withBirthDoses: false);
        using var http = FhirTestData.Http(fixture.Hub);
        var parameters = new Parameters();
        parameters.Add("assessmentDate", new FhirString(date));
        parameters.Add("patient", new ResourceReference($"Patient/{hubId}"));

        using var search = await http.GetAsync(new Uri($"ImmunizationRecommendation?patient={hubId}&date={date}", UriKind.Relative));
        using var instance = await http.GetAsync(new Uri($"Patient/{hubId}/$immds-forecast?assessmentDate={date}", UriKind.Relative));
        using var operation = await http.PostAsync(new Uri("$immds-forecast", UriKind.Relative), FhirTestData.Json(parameters));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (search.StatusCode, instance.StatusCode, operation.StatusCode));
        Assert.Equal("date", (await FhirTestData.ReadAsync<OperationOutcome>(search)).Issue[0].Expression.Single());
        Assert.Equal("assessmentDate", (await FhirTestData.ReadAsync<OperationOutcome>(instance)).Issue[0].Expression.Single());
        Assert.Equal("Parameters.parameter.where(name='assessmentDate').value", (await FhirTestData.ReadAsync<OperationOutcome>(operation)).Issue[0].Expression.Single());
    }

    [Fact]
    public async System.Threading.Tasks.Task ImmdsForecast_ImmunizationOfAnotherPatient_BadRequestNamingItsPatient()
    {
        var child = ChildBornInRuleSets();
        var patient = FhirTestData.Newborn(child);
        patient.Id = "posted-child";
        var ownDose = FhirTestData.Dose("Patient/posted-child", FhirTestData.NationalVaccineCode, "0202", child.BirthDate);
        var otherDose = FhirTestData.Dose("Patient/someone-else", FhirTestData.NationalVaccineCode, "0101", child.BirthDate);
        var parameters = ForecastInput(patient, ownDose, otherDose);
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.PostAsync(new Uri("$immds-forecast", UriKind.Relative), FhirTestData.Json(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = (await FhirTestData.ReadAsync<OperationOutcome>(response)).Issue[0];
        Assert.Equal("Parameters.parameter.where(name='immunization')[1].resource.patient", issue.Expression.Single());
        Assert.Contains("Patient/someone-else", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task RecommendationSearch_IsLoggedNamingTheChildRead()
    {
        var hubId = await StoreNewbornAsync(ChildBornInRuleSets(), withBirthDoses: false);
        using var http = FhirTestData.Http(fixture.Hub);

        using var response = await http.GetAsync(new Uri($"ImmunizationRecommendation?patient={hubId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await AuditClients.QueryAllPagesAsync(fixture.Hub, new EntryFilter { PersonHubId = hubId, Operations = { "ImmunizationRecommendation/search" } });
        var entry = Assert.Single(entries);
        Assert.Equal((ExchangeKind.Read, "fhir", "his-test"), (entry.Kind, entry.Protocol, entry.CallerSystem));
        Assert.NotEmpty(Assert.Single(entry.Persons).Region);
    }

    [Fact]
    public async System.Threading.Tasks.Task Metadata_ListsRecommendationSearchAndImmdsForecast()
    {
        var statement = await FhirTestData.ReadAsync<CapabilityStatement>(await fixture.Hub.Http.GetAsync(new Uri(fixture.Hub.HttpBase, "/fhir/metadata")));

        var rest = statement.Rest[0];
        Assert.Contains(rest.Resource, resource => resource.Type == "ImmunizationRecommendation");
        Assert.Contains(rest.Operation, operation => operation.Name == "immds-forecast");
        Assert.Contains(rest.Resource.Single(resource => resource.Type == "Patient").Operation, operation => operation.Name == "immds-forecast");
    }

    private static SyntheticChild ChildBornInRuleSets()
    {
        var child = TestChildren.Next();
        while (child.BirthDate < new DateOnly(2021, 3, 1))
        {
            child = TestChildren.Next();
        }

        return child;
    }

    /// <summary>A newborn registered over FHIR by a maternity unit, optionally with BCG and HepB dose 1 on the birth date.</summary>
    private async Task<string> StoreNewbornAsync(SyntheticChild child, bool withBirthDoses)
    {
        var patientUrl = FhirTestData.NewUrn();
        (string, Resource)[] entries = withBirthDoses
            ?
            [
                (patientUrl, FhirTestData.Newborn(child)),
                (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "19", child.BirthDate)),
                (FhirTestData.NewUrn(), FhirTestData.Dose(patientUrl, FhirTestData.Cvx, "08", child.BirthDate, doseNumber: 1)),
            ]
            : [(patientUrl, FhirTestData.Newborn(child))];
        var response = await FhirTestData.Client(fixture.Hub, "maternity-his").TransactionAsync(FhirTestData.Transaction(entries));
        return response!.Entry[0].Response!.Location!.Split('/')[1];
    }

    private static async Task<ImmunizationRecommendation> RecommendationAsync(HttpClient http, string hubId, string date)
    {
        using var response = await http.GetAsync(new Uri($"ImmunizationRecommendation?patient={hubId}&date={date}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (ImmunizationRecommendation)(await FhirTestData.ReadAsync<Bundle>(response)).Entry[0].Resource!;
    }

    private static ImmunizationRecommendation.RecommendationComponent Series(ImmunizationRecommendation recommendation, string series) =>
        recommendation.Recommendation.Single(component => component.Series == series);

    private static string? Code(CodeableConcept concept, string system) => concept.Coding.FirstOrDefault(coding => coding.System == system)?.Code;

    private static string? DateOf(ImmunizationRecommendation.RecommendationComponent component, string loinc) =>
        component.DateCriterion.FirstOrDefault(criterion => criterion.Code.Coding.Any(coding => coding.System == Loinc && coding.Code == loinc))?.Value;

    private static string HubCode(ForecastStatus status) => status switch
    {
        ForecastStatus.NotYetDue => "not-yet-due",
        ForecastStatus.Due => "due",
        ForecastStatus.Overdue => "overdue",
        ForecastStatus.Complete => "complete",
        ForecastStatus.NoLongerRecommended => "no-longer-recommended",
        _ => "not-applicable",
    };

    /// <summary>$immds-forecast input: the patient and its immunizations posted whole.</summary>
    private static Parameters ForecastInput(Patient patient, params Immunization[] immunizations)
    {
        var parameters = new Parameters();
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "patient", Resource = patient });
        foreach (var immunization in immunizations)
        {
            parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "immunization", Resource = immunization });
        }

        return parameters;
    }
}
