using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>
/// The done-means story of per-source code maps and quarantine, against the real hub: a vendor's unmapped code waits in
/// quarantine until its map is fixed, then goes through, once.
/// </summary>
public abstract class CodeMapQuarantineTests(HubProcess hub)
{
    private const string Admin = "bootstrap-admin";

    private readonly CodeMaps.CodeMapsClient _codeMaps = new(hub.AdminCalls());
    private readonly Protos.V1.Quarantine.QuarantineClient _quarantine = new(hub.AdminCalls());

    [Fact]
    public async Task UnmappedVendorCode_WaitsInQuarantineUntilTheMapIsFixed_ThenGoesThroughOnce()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}";
        var clinic = (await hub.ClinicAsync(vendor));
        var child = TestChildren.Next();
        var hubId = (await clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false))).HubId;
        var request = new RecordVaccinationsRequest
        {
            ClientMessageId = "dose-V01-1",
            Child = child.ByChildCode(),
            Vaccinations =
            {
                new Vaccination
                {
                    VaccineCode = "V01", DoseNumber = 1, AdministeringUnit = child.ManagingUnit,
                    Date = child.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            },
        };

        // The vendor's dose is refused with the field, the reason and a quarantine id; sent twice, it is held once.
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await clinic.RecordVaccinationsAsync(request));
        var refusedAgain = await Assert.ThrowsAsync<RpcException>(async () => await clinic.RecordVaccinationsAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(Details<BadRequest>(refused).FieldViolations);
        Assert.Equal(("vaccinations[0].vaccine_code", "unknown-code"), (violation.Field, violation.Reason));
        var quarantineId = Details<ErrorInfo>(refused).Metadata["quarantine_id"];
        Assert.Equal(quarantineId, Details<ErrorInfo>(refusedAgain).Metadata["quarantine_id"]);

        // The operator finds it by source and reason, with the original payload.
        var listed = await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = vendor, ReasonCode = "unknown-code" });
        var item = Assert.Single(listed.Items);
        Assert.Equal((quarantineId, QuarantineStatus.Held, 2, "grpc:RecordVaccinations"), (item.Id, item.Status, item.ReceiveCount, item.Operation));
        var stored = await _quarantine.GetQuarantinedAsync(new GetQuarantinedRequest { Id = quarantineId });
        Assert.Equal(request, RecordVaccinationsRequest.Parser.ParseFrom(stored.Payload));

        // Resubmitted before the map is fixed, it stays held for the same reason.
        var tooEarly = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);
        Assert.Equal(QuarantineStatus.Held, tooEarly.Status);
        Assert.Equal("unknown-code", Assert.Single(tooEarly.Reasons).Code);

        // The map is fixed: V01 is the national HepB (yeast) code.
        var published = await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = vendor,
            Comment = "V01 is HepB",
            Entries = { new CodeMapEntry { System = CodeSystem.Vaccine, LocalCode = "V01", CanonicalCode = "0202" } },
        });
        Assert.Equal($"{vendor}@1", published.Version.Label);

        var accepted = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);
        Assert.Equal((QuarantineStatus.ResubmittedAccepted, true), (accepted.Status, accepted.Replayed));
        Assert.Equal((hubId, $"{vendor}@1", Admin), (accepted.Resolution.HubId, accepted.Resolution.CodeMapVersion, accepted.Resolution.ResolvedBy));

        var dose = Assert.Single((await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person.Vaccinations);
        Assert.Equal("0202", dose.VaccineCode);
        var source = Assert.Single(dose.Sources);
        Assert.Equal((vendor, $"{vendor}@1"), (source.SourceSystem, source.CodeMapVersion));

        // A second resubmit, and the vendor's own retry, change nothing.
        var second = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { quarantineId } })).Results);
        Assert.Equal((QuarantineStatus.ResubmittedAccepted, false, hubId), (second.Status, second.Replayed, second.Resolution.HubId));
        var retry = await clinic.RecordVaccinationsAsync(request);
        Assert.Equal(dose.EventId, Assert.Single(retry.Results).EventId);
        Assert.Single((await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person.Vaccinations);
        var resolved = await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = vendor, Status = QuarantineStatus.Held });
        Assert.Empty(resolved.Items);
    }

    [Fact]
    public async Task BulkUpload_UnmappedCode_ItemRejectedWithQuarantineIdOthersAccepted()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}";
        var bad = TestChildren.WithDoses(1).ToBulkItem("bulk-bad");
        bad.Vaccinations[0].VaccineCode = "V77";
        var good = TestChildren.WithDoses(1).ToBulkItem("bulk-good");

        var results = await (await hub.ClinicAsync(vendor)).UploadAllAsync([bad, good]);

        var rejected = results.Single(result => result.ClientMessageId == "bulk-bad");
        Assert.Equal(ItemStatus.Rejected, rejected.Status);
        Assert.StartsWith("q-", rejected.QuarantineId, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.Accepted, results.Single(result => result.ClientMessageId == "bulk-good").Status);
        var item = Assert.Single((await _quarantine.ListQuarantinedAsync(new ListQuarantinedRequest { SourceSystem = vendor })).Items);
        Assert.Equal((rejected.QuarantineId, "grpc:BulkUpload"), (item.Id, item.Operation));

        var discarded = await _quarantine.DiscardAsync(new DiscardRequest { Ids = { item.Id }, Reason = "test vendor" });
        Assert.Equal((QuarantineStatus.Discarded, "test vendor"), (discarded.Items[0].Status, discarded.Items[0].DiscardReason));
        var afterDiscard = Assert.Single((await _quarantine.ResubmitAsync(new ResubmitRequest { Ids = { item.Id } })).Results);
        Assert.Equal((QuarantineStatus.Discarded, false), (afterDiscard.Status, afterDiscard.Replayed));
    }

    [Fact]
    public async Task PublishVersion_CanonicalCodeNotAHubCode_InvalidArgumentNamingTheEntry()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = vendor,
            Entries =
            {
                new CodeMapEntry { System = CodeSystem.Sex, LocalCode = "A", CanonicalCode = "1" },
                new CodeMapEntry { System = CodeSystem.Region, LocalCode = "R1", CanonicalCode = "429999" },
            },
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("entries[1].canonical_code", Assert.Single(Details<BadRequest>(error).FieldViolations).Field);
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await _codeMaps.GetVersionAsync(new GetVersionRequest { SourceSystem = vendor }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task RegisterChild_VendorSpellingsThroughItsMap_CanonicalRecord()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}";
        await _codeMaps.PublishVersionAsync(new PublishVersionRequest
        {
            SourceSystem = vendor,
            Entries =
            {
                new CodeMapEntry { System = CodeSystem.Sex, LocalCode = "B", CanonicalCode = "1" },
                new CodeMapEntry { System = CodeSystem.Sex, LocalCode = "G", CanonicalCode = "2" },
                new CodeMapEntry { System = CodeSystem.Site, LocalCode = "07", CanonicalCode = "2" },
            },
        });
        var child = TestChildren.WithDoses(1);
        var request = child.ToRegisterRequest(Guid.NewGuid().ToString("N"));
        request.Child.Sex = Sex.Unspecified;
        request.Child.SexCode = child.IsMale ? "B" : "G";
        var first = request.Vaccinations[0];
        first.SiteCode = "07";
        first.RouteCode = "IM";
        request.Vaccinations.Clear();
        request.Vaccinations.Add(first);

        await (await hub.ClinicAsync(vendor)).RegisterChildAsync(request);

        var person = (await (await hub.ClinicAsync(vendor)).GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Equal(child.IsMale ? Sex.Male : Sex.Female, person.Sex);
        var dose = Assert.Single(person.Vaccinations);
        Assert.Equal((Site.RightUpperArm, Route.Intramuscular), (dose.Site, dose.Route));
        Assert.Equal($"{vendor}@1", dose.Sources[0].CodeMapVersion);
    }

    private static T Details<T>(RpcException error)
        where T : class, Google.Protobuf.IMessage<T>, new() =>
        error.GetRpcStatus()?.GetDetail<T>() ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} in the error details");
}

public sealed class SqliteCodeMapQuarantineTests(SqliteHubFixture fixture)
    : CodeMapQuarantineTests(fixture.Hub), IClassFixture<SqliteHubFixture>;

public sealed class PostgreSqlCodeMapQuarantineTests(PostgresHubFixture fixture)
    : CodeMapQuarantineTests(fixture.Hub), IClassFixture<PostgresHubFixture>;
