using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Hub.Tests.Access;

/// <summary>
/// A system authenticates with a client certificate over mutual TLS: the hub's HTTPS endpoint is configured through
/// Kestrel settings only, and a certificate's SHA-256 thumbprint bound to a system names the caller.
/// </summary>
public sealed class MutualTlsTests
{
    [Fact]
    public async Task ClientCertificate_BoundToClinic_AuthenticatesAsThatClinic_UnboundRefused()
    {
        using var serverCertificate = SelfSigned("CN=localhost", server: true);
        using var bound = SelfSigned("CN=tls-clinic", server: false);
        using var unbound = SelfSigned("CN=stranger", server: false);
        var settings = HubSettings.Sqlite();
        var tlsPort = FreePorts.Next();
        var pfx = Path.Combine(settings.DataFolder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, serverCertificate.Export(X509ContentType.Pfx, "test"));
        settings = settings with
        {
            Extra = new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Tls__Url"] = $"https://127.0.0.1:{tlsPort}",
                ["Kestrel__Endpoints__Tls__Protocols"] = "Http2",
                ["Kestrel__Endpoints__Tls__Certificate__Path"] = pfx,
                ["Kestrel__Endpoints__Tls__Certificate__Password"] = "test",
                ["Kestrel__Endpoints__Tls__ClientCertificateMode"] = "RequireCertificate",
            },
        };
        await using var hub = await HubProcess.StartAsync(settings);
        var definition = HubProcess.ClinicDefinition("tls-clinic", "4201020101");
        await hub.Admin().RegisterSystemAsync(new RegisterSystemRequest { System = definition });
        await hub.Admin().BindClientCertificateAsync(new BindClientCertificateRequest
        {
            SystemId = "tls-clinic",
            Thumbprint = bound.GetCertHashString(HashAlgorithmName.SHA256),
        });

        var asClinic = await GetRecordStatusAsync(tlsPort, bound, serverCertificate);
        var asStranger = await GetRecordStatusAsync(tlsPort, unbound, serverCertificate);
        var systems = await hub.Admin().ListSystemsAsync(new ListSystemsRequest());

        Assert.True(asClinic.StatusCode == StatusCode.NotFound, asClinic.ToString());
        Assert.True(asStranger.StatusCode == StatusCode.Unauthenticated, asStranger.ToString());
        Assert.Contains(bound.GetCertHashString(HashAlgorithmName.SHA256), systems.Systems.Single(system => system.Definition.SystemId == "tls-clinic").ClientCertificateThumbprints);
    }

    /// <summary>The call's status; a transport failure (UNAVAILABLE, e.g. a handshake cut short on a loaded machine) is retried.</summary>
    private static async Task<Status> GetRecordStatusAsync(int port, X509Certificate2 clientCertificate, X509Certificate2 serverCertificate)
    {
        for (var attempt = 1; ; attempt++)
        {
            var status = await CallOnceAsync(port, clientCertificate, serverCertificate);
            if (status.StatusCode != StatusCode.Unavailable || attempt == 3)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<Status> CallOnceAsync(int port, X509Certificate2 clientCertificate, X509Certificate2 serverCertificate)
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [clientCertificate],
                // The test trusts exactly the server certificate it generated.
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == serverCertificate.GetCertHashString(),
            },
        };
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        try
        {
            await new ClinicRecords.ClinicRecordsClient(channel).GetRecordAsync(new GetRecordRequest { Child = new ChildReference { HubId = "0000" } });
            return Status.DefaultSuccess;
        }
        catch (RpcException exception)
        {
            return exception.Status;
        }
    }

    private static X509Certificate2 SelfSigned(string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
