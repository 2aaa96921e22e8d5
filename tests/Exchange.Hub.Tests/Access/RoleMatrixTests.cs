using Exchange.Protos.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>
/// Every method of every gRPC service and every HTTP endpoint, called as every role and with no, revoked, wrong,
/// malformed or disabled credentials: the right role gets through (its answer may be a business error for the
/// empty request), a wrong role gets PERMISSION_DENIED / 403, and bad credentials get UNAUTHENTICATED / 401.
/// </summary>
public sealed class RoleMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static TheoryData<string, string, CallerKind> GrpcCalls()
    {
        var data = new TheoryData<string, string, CallerKind>();
        foreach (var (service, _) in AccessMatrix.Services)
        {
            foreach (var method in service.Methods)
            {
                foreach (var caller in Enum.GetValues<CallerKind>())
                {
                    data.Add(service.FullName, method.Name, caller);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string, CallerKind> HttpCalls()
    {
        var data = new TheoryData<string, string, CallerKind>();
        foreach (var (method, path, _) in AccessMatrix.HttpEndpoints)
        {
            foreach (var caller in Enum.GetValues<CallerKind>())
            {
                data.Add(method, path, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrpcCalls))]
    public async Task GrpcMethod_AsEachCaller_AllowedOnlyToItsRoles(string serviceName, string methodName, CallerKind caller)
    {
        var (service, decide) = AccessMatrix.Services.Single(entry => entry.Service.FullName == serviceName);
        var method = service.FindMethodByName(methodName);
        var group = decide(methodName) ?? throw new Xunit.Sdk.XunitException($"{serviceName}/{methodName} has no access decision in AccessMatrix.");

        var status = await CallAsync(fixture.Invoker(caller), method);

        Assert.Equal(Expected(group, caller), Classify(status));
    }

    [Theory]
    [MemberData(nameof(HttpCalls))]
    public async Task HttpEndpoint_AsEachCaller_AllowedOnlyToItsRoles(string method, string path, CallerKind caller)
    {
        var group = AccessMatrix.HttpEndpoints.Single(endpoint => endpoint.Method == method && endpoint.Path == path).Group;
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.Hub.HttpBase, path));
        if (fixture.Key(caller) is { } key)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await fixture.Hub.Http.SendAsync(request);

        var outcome = response.StatusCode switch
        {
            System.Net.HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
            System.Net.HttpStatusCode.Forbidden => Outcome.PermissionDenied,
            // A FHIR 404 for an unknown id is the endpoint's own answer (an OperationOutcome), not a missing endpoint.
            System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed
                when response.Content.Headers.ContentType?.MediaType != "application/fhir+json" => Outcome.NotServed,
            _ => Outcome.Through,
        };
        Assert.Equal(Expected(group, caller), outcome);
    }

    [Fact]
    public async Task UnauthenticatedCall_SaysHowToAuthenticate()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ClinicRecords.ClinicRecordsClient(fixture.Hub.Channel).GetRecordAsync(new GetRecordRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("Authorization: Bearer", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongRole_PermissionDeniedNamesRoleAndMethod()
    {
        var auditor = new ClinicRecords.ClinicRecordsClient(fixture.Invoker(CallerKind.Auditor));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await auditor.GetRecordAsync(new GetRecordRequest()));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("Auditor", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("GetRecord", error.Status.Detail, StringComparison.Ordinal);
    }

    private enum Outcome
    {
        Through,
        PermissionDenied,
        Unauthenticated,
        NotServed,
    }

    private static Outcome Expected(RoleGroup group, CallerKind caller)
    {
        if (AccessMatrix.Roles(group) is not { } roles)
        {
            return Outcome.Through;
        }

        var role = caller switch
        {
            CallerKind.Clinic => SystemRole.Clinic,
            CallerKind.Hospital => SystemRole.Hospital,
            CallerKind.Auditor => SystemRole.Auditor,
            CallerKind.PublicPortal => SystemRole.PublicPortal,
            CallerKind.Administrator => SystemRole.Administrator,
            CallerKind.DiseaseControl => SystemRole.DiseaseControl,
            _ => (SystemRole?)null,
        };
        return role is null ? Outcome.Unauthenticated : roles.Contains(role.Value) ? Outcome.Through : Outcome.PermissionDenied;
    }

    private static Outcome Classify(StatusCode status) => status switch
    {
        StatusCode.Unauthenticated => Outcome.Unauthenticated,
        StatusCode.PermissionDenied => Outcome.PermissionDenied,
        StatusCode.Unimplemented => Outcome.NotServed,
        _ => Outcome.Through,
    };

    /// <summary>Calls the method with an empty request (or an empty request stream) and returns the status.</summary>
    private static async Task<StatusCode> CallAsync(CallInvoker invoker, MethodDescriptor descriptor)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    // A watch-style stream never ends: its first message (or status) is the answer.
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                    {
                        await call.ResponseStream.MoveNext();
                    }

                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext())
                        {
                        }
                    }

                    break;
            }

            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
