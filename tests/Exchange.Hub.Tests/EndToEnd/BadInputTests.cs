using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Malformed and invalid requests get precise errors, and the host keeps serving.</summary>
public sealed class BadInputTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>, IAsyncLifetime
{
    private ClinicRecords.ClinicRecordsClient _clinic = null!;

    public async Task InitializeAsync() => _clinic = await fixture.Hub.ClinicAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RegisterChild_InvalidFields_InvalidArgumentNamingEachField()
    {
        var request = TestChildren.Next().ToRegisterRequest(Guid.NewGuid().ToString("N"));
        request.Child.Identifiers[0].Value = "42011101072022000";
        request.Child.BirthDate = "2099-01-01";
        request.Child.Mother.IdNumber = "420111198501010010";
        request.Child.ManagingUnit = "12345";
        request.Vaccinations[0].VaccineCode = "0A02";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _clinic.RegisterChildAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = FieldViolations(error).Select(violation => violation.Field).ToList();
        Assert.Contains("child.identifiers[0].value", fields);
        Assert.Contains("child.birth_date", fields);
        Assert.Contains("child.mother.id_number", fields);
        Assert.Contains("child.managing_unit", fields);
        Assert.Contains("vaccinations[0].vaccine_code", fields);
    }

    [Fact]
    public async Task RegisterChild_NoMessageIdNoChild_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _clinic.RegisterChildAsync(new RegisterChildRequest()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["client_message_id", "child"], FieldViolations(error).Select(violation => violation.Field));
    }

    [Fact]
    public async Task RecordVaccinations_DoseBeforeBirth_InvalidArgumentAndNothingStored()
    {
        var child = TestChildren.Next();
        await _clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false));
        var dose = new Vaccination
        {
            VaccineCode = "0202",
            DoseNumber = 1,
            Date = child.BirthDate.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            AdministeringUnit = child.ManagingUnit,
        };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _clinic.RecordVaccinationsAsync(
            new RecordVaccinationsRequest { ClientMessageId = "m1", Child = child.ByChildCode(), Vaccinations = { dose } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("vaccinations[0].date", Assert.Single(FieldViolations(error)).Field);
        var person = (await _clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() })).Person;
        Assert.Empty(person.Vaccinations);
    }

    [Fact]
    public async Task GetRecord_NoReference_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _clinic.GetRecordAsync(new GetRecordRequest()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("child", Assert.Single(FieldViolations(error)).Field);
    }

    [Fact]
    public async Task TransferChild_MoveInWithoutDestination_InvalidArgument()
    {
        var child = TestChildren.Next();
        await _clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N"), withDoses: false));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _clinic.TransferChildAsync(new TransferChildRequest
        {
            ClientMessageId = "t1",
            Child = child.ByChildCode(),
            Kind = TransferKind.MoveIn,
            EffectiveDate = "2024-02-30",
        }));

        // An empty to_unit is the calling clinic's own unit; the region must still be named.
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["effective_date", "to_region"], FieldViolations(error).Select(violation => violation.Field));
    }

    [Fact]
    public async Task AnyCall_WithoutCredentials_Unauthenticated()
    {
        var anonymous = new ClinicRecords.ClinicRecordsClient(fixture.Hub.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await anonymous.GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "x" } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task GarbageBytes_OnGrpcPort_RejectedAndHostKeepsServing()
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent([0, 0, 0, 0, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{fixture.Hub.Settings.GrpcPort}/exchange.v1.ClinicRecords/RegisterChild")
        {
            Content = content,
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Headers.Add("authorization", $"Bearer {await fixture.Hub.ApiKeyAsync(HubProcess.ClinicDefinition("clinic-test"))}");

        using var response = await http.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();

        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single() : response.Headers.GetValues("grpc-status").Single();
        Assert.NotEqual("0", status);
        Assert.False(fixture.Hub.HasExited);
        var health = await new global::Grpc.Health.V1.Health.HealthClient(fixture.Hub.Channel).CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private static Google.Protobuf.Collections.RepeatedField<BadRequest.Types.FieldViolation> FieldViolations(RpcException error)
    {
        var status = error.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("no google.rpc.Status details in the error");
        return status.GetDetail<BadRequest>()?.FieldViolations ?? throw new Xunit.Sdk.XunitException("no BadRequest details");
    }
}
