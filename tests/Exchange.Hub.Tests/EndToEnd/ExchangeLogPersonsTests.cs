using System.Net;
using Exchange.Hub.Tests.Fhir;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;
using static Exchange.Hub.Tests.EndToEnd.ScheduleReportClients;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>
/// Every exchange names the persons it touched: an auditor who asks the exchange log for one child (by hub id) finds
/// each read, search, report, lookup and transfer that returned the child, over gRPC and FHIR, and the rejected calls
/// that were aimed at the child, with item counts. Nothing but hub ids names a person in the log.
/// </summary>
public abstract class ExchangeLogPersonsTests(HubProcess hub)
{
    private const string Unit = "4201150007";
    private const string Region = "420115";

    [Fact]
    public async Task EveryReadAndSearch_OverGrpcAndFhir_IsFoundUnderTheChildsHubId()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var birth = today.AddDays(-20);
        var certificate = "VC" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        var registration = Child(birth, Unit, Region, ("0202", 1, birth));
        registration.Child.Identifiers.Add(new Identifier { Kind = IdentifierKind.VaccinationCertificate, Value = certificate });
        var person = registration.Child;
        var childCode = person.Identifiers.First(identifier => identifier.Kind == IdentifierKind.ChildCode).Value;
        var clinic = await hub.ClinicAsync($"persons-{Guid.NewGuid():N}"[..20], Unit);
        var hubId = (await clinic.RegisterChildAsync(registration)).HubId;
        var byHubId = new ChildReference { HubId = hubId };

        await clinic.GetRecordAsync(new GetRecordRequest { Child = byHubId });
        await clinic.FindChildrenAsync(new FindChildrenRequest { MotherIdNumber = person.Mother.IdNumber });
        await clinic.FindChildrenAsync(new FindChildrenRequest { Demographics = new DemographicQuery { Name = person.Name, BirthDate = person.BirthDate, Sex = person.Sex } });
        await clinic.GetForecastAsync(new GetForecastRequest { Child = byHubId });
        var due = await (await hub.ReportsAsync()).ListDueAsync(
            new ListDueRequest { AreaCode = Unit, FromDate = Format(today), ToDate = Format(today.AddDays(14)), IncludeOverdue = true });
        var badDate = await Assert.ThrowsAsync<RpcException>(() => clinic.GetForecastAsync(new GetForecastRequest { Child = byHubId, AssessmentDate = "not a date" }).ResponseAsync);
        var badDose = await Assert.ThrowsAsync<RpcException>(() => clinic.RecordVaccinationsAsync(new RecordVaccinationsRequest
        {
            ClientMessageId = Guid.NewGuid().ToString("N"),
            Child = new ChildReference { Identifier = new Identifier { Kind = IdentifierKind.ChildCode, Value = childCode } },
            Vaccinations = { new Vaccination { VaccineCode = "0202", DoseNumber = 2, AdministeringUnit = Unit } },
        }).ResponseAsync);

        var portal = await hub.PublicPortalAsync($"portal-{Guid.NewGuid():N}"[..20]);
        await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = certificate });
        await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = person.Mother.IdNumber, BirthDate = person.BirthDate });
        var wrongBirthDate = await Assert.ThrowsAsync<RpcException>(() =>
            portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = person.Mother.IdNumber, BirthDate = Format(birth.AddDays(1)) }).ResponseAsync);

        using var fhir = FhirTestData.Http(hub, $"his-{Guid.NewGuid():N}"[..16]);
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[]
        {
            $"Patient/{hubId}",
            $"Patient?identifier={Uri.EscapeDataString("https://exchange.hub/fhir/sid/child-code|" + childCode)}",
            $"Patient?mother-identifier={person.Mother.IdNumber}",
            $"Patient/{hubId}/$everything",
            $"Immunization?patient=Patient/{hubId}",
        })
        {
            using var response = await fhir.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        var eventId = await FirstImmunizationIdAsync(fhir, hubId);
        using (var read = await fhir.GetAsync(new Uri($"Immunization/{eventId}", UriKind.Relative)))
        {
            statuses.Add(read.StatusCode);
        }

        var auditorKey = await hub.ApiKeyAsync(new SystemDefinition { SystemId = "provincial-auditor", DisplayName = "Provincial auditor", Role = SystemRole.Auditor });
        using var refused = await GetAsAsync($"/fhir/Patient/{hubId}", auditorKey);
        await clinic.TransferChildAsync(new TransferChildRequest
        {
            ClientMessageId = Guid.NewGuid().ToString("N"), Child = byHubId, Kind = TransferKind.TemporarilyAway, EffectiveDate = Format(today.AddDays(-1)),
        });

        var entries = await AuditClients.QueryAllPagesAsync(hub, new EntryFilter { PersonHubId = hubId });

        Assert.Contains(due.Doses, dose => dose.HubId == hubId);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.NotFound), (badDate.StatusCode, badDose.StatusCode, wrongBirthDate.StatusCode));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var found = entries.Select(entry => (entry.Operation, entry.StatusCode, entry.ItemCount)).ToList();
        (string, string, int)[] expected =
        [
            ("ClinicRecords/RegisterChild", "OK", 1),
            ("ClinicRecords/GetRecord", "OK", 1),
            ("ClinicRecords/FindChildren", "OK", 1),
            ("ClinicRecords/GetForecast", "OK", 1),
            ("ScheduleReports/ListDue", "OK", due.Doses.Count),
            ("ClinicRecords/GetForecast", "INVALID_ARGUMENT", 0),
            ("ClinicRecords/RecordVaccinations", "INVALID_ARGUMENT", 1),
            ("PublicLookup/ByCertificate", "OK", 1),
            ("PublicLookup/ByMother", "OK", 1),
            ("PublicLookup/ByMother", "NOT_FOUND", 0),
            ("Patient/read", "200", 1),
            ("Patient/search", "200", 1),
            ("Patient/everything", "200", 2),
            ("Immunization/search", "200", 1),
            ("Immunization/read", "200", 1),
            ("GET /fhir/Patient", "403", 0),
            ("ClinicRecords/TransferChild", "OK", 0),
        ];
        Assert.All(expected, entry => Assert.Contains(entry, found));
        Assert.Equal(2, found.Count(entry => entry == ("ClinicRecords/FindChildren", "OK", 1)));
        Assert.All(
            entries.Where(entry => entry.Operation is "ClinicRecords/GetRecord" or "Patient/read" or "Patient/search" or "Immunization/search" or "PublicLookup/ByCertificate"),
            entry => Assert.Equal((hubId, Region), entry.Persons.Select(p => (p.HubId, p.Region)).Single()));
        Assert.All(entries.SelectMany(entry => entry.Persons), p => Assert.Matches("^[0-9a-f]{32}$", p.HubId));
    }

    private static async Task<string> FirstImmunizationIdAsync(HttpClient fhir, string hubId)
    {
        using var response = await fhir.GetAsync(new Uri($"Immunization?patient={hubId}", UriKind.Relative));
        var bundle = await FhirTestData.ReadAsync<Hl7.Fhir.Model.Bundle>(response);
        return Assert.IsType<Hl7.Fhir.Model.Immunization>(bundle.Entry[0].Resource).Id!;
    }

    private async Task<HttpResponseMessage> GetAsAsync(string path, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.HttpBase, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return await hub.Http.SendAsync(request);
    }
}

public sealed class SqliteExchangeLogPersonsTests(SqliteHubFixture fixture) : ExchangeLogPersonsTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgresExchangeLogPersonsTests(PostgresHubFixture fixture) : ExchangeLogPersonsTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
