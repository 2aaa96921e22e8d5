using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>
/// The exchange log end to end: every clinic API call leaves exactly one entry, and an auditor with nothing but the
/// auditor API finds cross-region reads for a county, who read a child's record, and whether the log is intact.
/// </summary>
public abstract class ExchangeLogTests(HubProcess hub)
{
    private static string NewMessageId() => Guid.NewGuid().ToString("N");

    private static string Yesterday => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ClinicCalls_EachOne_LogsExactlyOneEntryWithPersonsAndOutcome()
    {
        var system = $"log-{Guid.NewGuid():N}"[..20];
        var clinic = await AuditClients.ClinicAsync(hub, system, "4201110102");
        var child = TestChildren.WithDoses(2);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);

        var registerId = NewMessageId();
        var registered = await clinic.RegisterChildAsync(child.ToRegisterRequest(registerId, withDoses: false));
        var recordId = NewMessageId();
        await clinic.RecordVaccinationsAsync(new RecordVaccinationsRequest { ClientMessageId = recordId, Child = child.ByChildCode(), Vaccinations = { child.Doses.Select(dose => dose.ToVaccination()) } });
        await clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = registered.HubId } });
        await clinic.FindChildrenAsync(new FindChildrenRequest { MotherIdNumber = child.Mother.IdNumber });
        var transferId = NewMessageId();
        await clinic.TransferChildAsync(new TransferChildRequest { ClientMessageId = transferId, Child = child.ByChildCode(), Kind = TransferKind.TemporarilyAway, EffectiveDate = Yesterday });
        await clinic.GetForecastAsync(new GetForecastRequest { Child = child.ByChildCode() });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => clinic.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0123456789abcdef0123456789abcdef" } }).ResponseAsync);
        var bulkChild = TestChildren.WithDoses(1);
        var bulkId = NewMessageId();
        var bulkResults = await clinic.UploadAllAsync([bulkChild.ToBulkItem(bulkId), new BulkUploadItem { ClientMessageId = "bad-item" }]);

        var entries = await AuditClients.QueryAllAsync(hub, new EntryFilter { CallerSystem = system, From = Timestamp.FromDateTimeOffset(from) });

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(10, entries.Count);
        Assert.All(entries, entry => Assert.Equal(("grpc", "4201110102", "420111"), (entry.Protocol, entry.CallerUnit, entry.CallerRegion)));
        var child1 = new[] { (registered.HubId, child.ResidenceRegion) };
        AssertEntry(Single(entries, "ClinicRecords/RegisterChild"), ExchangeKind.Write, ExchangeOutcome.Succeeded, "OK", child1, registerId);
        AssertEntry(Single(entries, "ClinicRecords/RecordVaccinations"), ExchangeKind.Write, ExchangeOutcome.Succeeded, "OK", child1, recordId);
        AssertEntry(Single(entries, "ClinicRecords/FindChildren"), ExchangeKind.Search, ExchangeOutcome.Succeeded, "OK", child1);
        AssertEntry(Single(entries, "ClinicRecords/TransferChild"), ExchangeKind.Transfer, ExchangeOutcome.Succeeded, "OK", child1, transferId);
        AssertEntry(Single(entries, "ClinicRecords/GetForecast"), ExchangeKind.Read, ExchangeOutcome.Succeeded, "OK", child1);
        var reads = entries.Where(entry => entry.Operation == "ClinicRecords/GetRecord").ToList();
        Assert.Equal(2, reads.Count);
        AssertEntry(reads.Single(entry => entry.Outcome == ExchangeOutcome.Succeeded), ExchangeKind.Read, ExchangeOutcome.Succeeded, "OK", child1);
        AssertEntry(reads.Single(entry => entry.Outcome != ExchangeOutcome.Succeeded), ExchangeKind.Read, ExchangeOutcome.Rejected, "NOT_FOUND", []);
        var items = entries.Where(entry => entry.Operation == "ClinicRecords/BulkUploadItem").ToList();
        Assert.Equal(2, items.Count);
        var acceptedHubId = bulkResults.Single(result => result.Status == ItemStatus.Accepted).HubId;
        AssertEntry(items.Single(entry => entry.ClientMessageId == bulkId), ExchangeKind.Write, ExchangeOutcome.Succeeded, "OK", [(acceptedHubId, bulkChild.ResidenceRegion)], bulkId);
        AssertEntry(items.Single(entry => entry.ClientMessageId == "bad-item"), ExchangeKind.Write, ExchangeOutcome.Rejected, "INVALID_ARGUMENT", [], "bad-item");
        var stream = Single(entries, "ClinicRecords/BulkUpload");
        Assert.Equal((2, 1, 1, ExchangeOutcome.Succeeded), (stream.ItemCount, stream.AcceptedCount, stream.RejectedCount, stream.Outcome));
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => pair.First.RecordedAt.ToDateTimeOffset() >= pair.Second.RecordedAt.ToDateTimeOffset()), "newest first");
    }

    [Fact]
    public async Task CallWithoutCredentials_IsLoggedAsAnonymousAndRejected()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var anonymous = new ClinicRecords.ClinicRecordsClient(hub.Channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "x" } }).ResponseAsync);

        var entries = await AuditClients.QueryAllAsync(hub, new EntryFilter
        {
            CallerSystem = "anonymous",
            From = Timestamp.FromDateTimeOffset(from),
            Operations = { "ClinicRecords/GetRecord" },
        });
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(entries, entry => entry.StatusCode == "UNAUTHENTICATED" && entry.Outcome == ExchangeOutcome.Rejected && entry.Persons.Count == 0);
    }

    [Fact]
    public async Task Auditor_CrossRegionReadsOfACounty_WhoReadAChild_AndVerification()
    {
        var child = TestChildren.Next();
        var county = child.ResidenceRegion;
        var otherCounty = new[] { "420102", "420502" }.First(region => region != county);
        var home = await AuditClients.ClinicAsync(hub, $"home-{Guid.NewGuid():N}"[..16], child.ManagingUnit);
        var away = await AuditClients.ClinicAsync(hub, $"away-{Guid.NewGuid():N}"[..16], $"{otherCounty}0105");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var hubId = (await home.RegisterChildAsync(child.ToRegisterRequest(NewMessageId()))).HubId;
        await home.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });
        await away.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        // "Yesterday's cross-region reads for one county", over the time window of this test.
        var crossRegion = await AuditClients.QueryAllAsync(hub, new EntryFilter
        {
            From = Timestamp.FromDateTimeOffset(from),
            To = Timestamp.FromDateTimeOffset(to),
            PersonRegion = county,
            CrossRegionOnly = true,
            Kinds = { ExchangeKind.Read },
        });
        var readers = await AuditClients.QueryAllAsync(hub, new EntryFilter { PersonHubId = hubId, Kinds = { ExchangeKind.Read } });
        var verification = await (await AuditClients.AuditorAsync(hub)).VerifyLogAsync(new VerifyLogRequest());

        var crossRead = Assert.Single(crossRegion, entry => entry.Persons.Any(person => person.HubId == hubId));
        Assert.Equal(($"{otherCounty}0105", otherCounty), (crossRead.CallerUnit, crossRead.CallerRegion));
        Assert.All(crossRegion, entry => Assert.Contains(entry.Persons, person => person.Region == county && person.Region != entry.CallerRegion));
        Assert.Equal([child.ManagingUnit, $"{otherCounty}0105"], readers.Select(entry => entry.CallerUnit).Reverse());
        Assert.True(verification.Intact, verification.FirstProblem?.Detail);
        Assert.True(verification.EntriesChecked >= 3);
        Assert.NotEmpty(verification.Chains);
    }

    [Fact]
    public async Task FhirAuditEvent_ForAChild_NamesEachSystemThatReadOrWroteIt_AuditorsOnly()
    {
        var child = TestChildren.Next();
        var writer = $"wr-{Guid.NewGuid():N}"[..16];
        var reader = $"rd-{Guid.NewGuid():N}"[..16];
        var hubId = (await (await AuditClients.ClinicAsync(hub, writer, child.ManagingUnit)).RegisterChildAsync(child.ToRegisterRequest(NewMessageId()))).HubId;
        await (await AuditClients.ClinicAsync(hub, reader, "4205020101")).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });
        var his = $"his-{Guid.NewGuid():N}"[..16];
        var patientUrl = Fhir.FhirTestData.NewUrn();
        await Fhir.FhirTestData.Client(hub, his).TransactionAsync(Fhir.FhirTestData.Transaction(
            (patientUrl, Fhir.FhirTestData.Newborn(child)),
            (Fhir.FhirTestData.NewUrn(), Fhir.FhirTestData.Dose(patientUrl, Fhir.FhirTestData.Cvx, "19", child.BirthDate))));
        var auditorKey = await hub.ApiKeyAsync(new SystemDefinition { SystemId = "provincial-auditor", DisplayName = "Provincial auditor", Role = SystemRole.Auditor });
        var clinicKey = await hub.ApiKeyAsync(HubProcess.ClinicDefinition(reader));

        using var asAuditor = await GetAsync($"/fhir/AuditEvent?patient=Patient/{hubId}", auditorKey);
        using var asClinic = await GetAsync($"/fhir/AuditEvent?patient={hubId}", clinicKey);

        Assert.Equal(System.Net.HttpStatusCode.OK, asAuditor.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, asClinic.StatusCode);
        var bundle = await Fhir.FhirTestData.ReadAsync<Hl7.Fhir.Model.Bundle>(asAuditor);
        var events = bundle.Entry.Select(entry => Assert.IsType<Hl7.Fhir.Model.AuditEvent>(entry.Resource)).ToList();
        var who = events.Select(e => (e.Agent[0].Who!.Identifier!.Value, e.Action, e.Subtype[0].Code)).ToList();
        Assert.Contains((reader, Hl7.Fhir.Model.AuditEvent.AuditEventAction.R, "ClinicRecords/GetRecord"), who);
        Assert.Contains((writer, Hl7.Fhir.Model.AuditEvent.AuditEventAction.C, "ClinicRecords/RegisterChild"), who);
        Assert.Contains((his, Hl7.Fhir.Model.AuditEvent.AuditEventAction.C, "Bundle/process"), who);
        Assert.All(events, e => Assert.Contains(e.Entity, entity => entity.What?.Reference == $"Patient/{hubId}"));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.HttpBase, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return await hub.Http.SendAsync(request);
    }

    [Fact]
    public async Task FhirErrors_AreLoggedWithTheirOwnHttpStatusAsRejected()
    {
        var system = $"his-log-{Guid.NewGuid():N}"[..20];
        using var http = Fhir.FhirTestData.Http(hub, system);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var missing = await http.GetAsync(new Uri("Patient/0123456789abcdef0123456789abcdef", UriKind.Relative));
        using var malformed = await http.PostAsync(
            new Uri("Patient", UriKind.Relative),
            new StringContent("{\"resourceType\": \"Patient\", ", System.Text.Encoding.UTF8, "application/fhir+json"));

        var entries = await AuditClients.QueryAllAsync(hub, new EntryFilter { CallerSystem = system, From = Timestamp.FromDateTimeOffset(from) });
        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.BadRequest), (missing.StatusCode, malformed.StatusCode));
        Assert.Equal(
            [("400", ExchangeOutcome.Rejected), ("404", ExchangeOutcome.Rejected)],
            entries.Select(entry => (entry.StatusCode, entry.Outcome)).Order());
        Assert.All(entries, entry => Assert.Equal("fhir", entry.Protocol));
    }

    [Fact]
    public async Task CountPerDay_ByCallerSystem_CountsTodaysCalls()
    {
        var system = $"count-{Guid.NewGuid():N}"[..20];
        var clinic = await AuditClients.ClinicAsync(hub, system, "4205020101");
        var child = TestChildren.Next();
        await clinic.RegisterChildAsync(child.ToRegisterRequest(NewMessageId(), withDoses: false));
        await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });
        await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });

        var counts = await (await AuditClients.AuditorAsync(hub)).CountPerDayAsync(new CountPerDayRequest
        {
            Filter = new EntryFilter { CallerSystem = system },
            GroupBy = CountDimension.Operation,
        });

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(
            [(today, "ClinicRecords/GetRecord", 2L), (today, "ClinicRecords/RegisterChild", 1L)],
            counts.Counts.Select(count => (count.Day, count.Value, count.Entries)));
    }

    [Fact]
    public void SigningKey_WithoutConfiguredFile_CreatedInDataFolderReadableByOwnerOnly()
    {
        var key = Path.Combine(hub.Settings.DataFolder, "exchange-log-signing-key.pem");

        Assert.True(File.Exists(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
    }

    private static LogEntry Single(IReadOnlyList<LogEntry> entries, string operation) => Assert.Single(entries, entry => entry.Operation == operation);

    private static void AssertEntry(
        LogEntry entry, ExchangeKind kind, ExchangeOutcome outcome, string status, IEnumerable<(string HubId, string Region)> persons, string clientMessageId = "")
    {
        Assert.Equal((kind, outcome, status, clientMessageId), (entry.Kind, entry.Outcome, entry.StatusCode, entry.ClientMessageId));
        Assert.Equal(persons, entry.Persons.Select(person => (person.HubId, person.Region)));
        Assert.Equal(32, entry.Hash.Length);
    }
}

public sealed class SqliteExchangeLogTests(SqliteHubFixture fixture) : ExchangeLogTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgresExchangeLogTests(PostgresHubFixture fixture) : ExchangeLogTests(fixture.Hub), IClassFixture<PostgresHubFixture>;

/// <summary>Clients of a test hub for the exchange-log tests: a clinic of a given unit, and an auditor.</summary>
internal static class AuditClients
{
    /// <summary>
    /// A clinic of <paramref name="unit"/> (its region is the unit's county) that also reports for the synthetic
    /// population's units, so it can register synthetic children managed elsewhere.
    /// </summary>
    public static async Task<ClinicRecords.ClinicRecordsClient> ClinicAsync(HubProcess hub, string systemId, string unit)
    {
        var definition = HubProcess.ClinicDefinition(systemId, unit);
        definition.OtherUnits.AddRange(HubProcess.ClinicDefinition(systemId).OtherUnits.Append(HubProcess.ClinicDefinition(systemId).UnitCode));
        return new(await hub.CallerAsync(definition));
    }

    public static async Task<ExchangeAudit.ExchangeAuditClient> AuditorAsync(HubProcess hub) =>
        new(await hub.CallerAsync(new SystemDefinition { SystemId = "provincial-auditor", DisplayName = "Provincial auditor", Role = SystemRole.Auditor }));

    /// <summary>Every page of a query (small pages, to exercise paging), newest first.</summary>
    public static Task<List<LogEntry>> QueryAllAsync(HubProcess hub, EntryFilter filter) => QueryAllPagesAsync(hub, filter, 3);

    /// <summary>Every page of a query, newest first.</summary>
    public static async Task<List<LogEntry>> QueryAllPagesAsync(HubProcess hub, EntryFilter filter, int pageSize = 100)
    {
        var auditor = await AuditorAsync(hub);
        var entries = new List<LogEntry>();
        var request = new QueryEntriesRequest { Filter = filter, PageSize = pageSize };
        while (true)
        {
            var page = await auditor.QueryEntriesAsync(request);
            entries.AddRange(page.Entries);
            if (page.NextPageToken.Length == 0)
            {
                return entries;
            }

            request.PageToken = page.NextPageToken;
        }
    }
}
