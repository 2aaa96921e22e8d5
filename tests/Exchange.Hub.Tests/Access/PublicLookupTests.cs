using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Synthetic;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Tests.Access;

/// <summary>
/// The public lookup answers a parent with a masked record and nothing that identifies anyone, never tells whether a
/// child exists, and stops enumeration with per-user and per-key limits.
/// </summary>
public sealed class PublicLookupTests(PublicLookupFixture fixture) : IClassFixture<PublicLookupFixture>
{
    private const string EndUserHeader = "x-exchange-end-user";

    [Fact]
    public async Task ByCertificate_KnownChild_MaskedNameDosesAndNoIdentifiers()
    {
        var (child, certificate, hubId) = await RegisterAsync();
        var portal = await fixture.Hub.PublicPortalAsync();

        var response = await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = certificate }, EndUser());

        var found = Assert.Single(response.Children);
        Assert.Equal(ExpectedMask(child.Name), found.MaskedName);
        Assert.Equal(child.BirthDate.ToString("yyyy-MM", CultureInfo.InvariantCulture), found.BirthMonth);
        Assert.Equal(child.Doses.Count, found.Doses.Count);
        Assert.All(found.Doses, dose => Assert.False(string.IsNullOrEmpty(dose.VaccineName)));
        Assert.Equal(child.Doses.Select(dose => (dose.VaccineCode, dose.DoseNumber, dose.AdministeringUnit)).Order(), found.Doses.Select(dose => (dose.VaccineCode, dose.DoseNumber, dose.AdministeringUnit)).Order());
        var text = response.ToString();
        string?[] secrets = [child.ChildCode, child.BirthCertificateNumber, child.ResidentIdNumber, child.Mother.IdNumber, child.Mother.Name, child.Mother.Phone, hubId, certificate, child.Name];
        Assert.All(secrets.OfType<string>(), secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByMother_RightBirthDate_Found_WrongBirthDateAnswersLikeAnUnknownMother()
    {
        var (child, _, _) = await RegisterAsync();
        var portal = await fixture.Hub.PublicPortalAsync();
        var stranger = TestChildren.Next();

        var found = await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = child.Mother.IdNumber, BirthDate = Date(child.BirthDate) }, EndUser());
        var wrongDate = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = child.Mother.IdNumber, BirthDate = Date(child.BirthDate.AddDays(1)) }, EndUser()));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = stranger.Mother.IdNumber, BirthDate = Date(stranger.BirthDate) }, EndUser()));

        Assert.Equal(ExpectedMask(child.Name), Assert.Single(found.Children).MaskedName);
        Assert.Equal(StatusCode.NotFound, wrongDate.StatusCode);
        Assert.Equal((unknown.StatusCode, unknown.Status.Detail, unknown.Trailers.Count), (wrongDate.StatusCode, wrongDate.Status.Detail, wrongDate.Trailers.Count));
    }

    [Fact]
    public async Task ByCertificate_OneKeyFromManyUsers_ResourceExhaustedAfterTheKeyLimit()
    {
        var (_, certificate, _) = await RegisterAsync();
        var portal = await fixture.Hub.PublicPortalAsync();
        for (var i = 0; i < PublicLookupFixture.PerKeyLimit; i++)
        {
            await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = certificate }, EndUser());
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = certificate }, EndUser()));

        AssertExhausted(error);
    }

    [Fact]
    public async Task ByMother_TryingBirthDates_CountsAgainstTheMothersIdNumber()
    {
        var (child, _, _) = await RegisterAsync();
        var portal = await fixture.Hub.PublicPortalAsync();
        for (var i = 1; i <= PublicLookupFixture.PerKeyLimit; i++)
        {
            var guess = new ByMotherRequest { MotherIdNumber = child.Mother.IdNumber, BirthDate = Date(child.BirthDate.AddDays(i)) };
            await Assert.ThrowsAsync<RpcException>(async () => await portal.ByMotherAsync(guess, EndUser()));
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = child.Mother.IdNumber, BirthDate = Date(child.BirthDate) }, EndUser()));

        AssertExhausted(error);
    }

    [Fact]
    public async Task ByCertificate_OneUserManyKeys_ResourceExhaustedAfterTheClientLimit()
    {
        var portal = await fixture.Hub.PublicPortalAsync();
        var user = EndUser();
        for (var i = 0; i < PublicLookupFixture.PerClientLimit; i++)
        {
            var miss = await Assert.ThrowsAsync<RpcException>(async () =>
                await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = NewCertificate() }, user));
            Assert.True(miss.StatusCode == StatusCode.NotFound, miss.Status.ToString());
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByCertificateAsync(new ByCertificateRequest { CertificateNumber = NewCertificate() }, user));

        AssertExhausted(error);
    }

    [Fact]
    public async Task ByMother_MalformedIdNumber_InvalidArgument()
    {
        var portal = await fixture.Hub.PublicPortalAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await portal.ByMotherAsync(new ByMotherRequest { MotherIdNumber = "12345", BirthDate = "2024-01-01" }, EndUser()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<(SyntheticChild Child, string Certificate, string HubId)> RegisterAsync()
    {
        var child = TestChildren.WithDoses(3);
        var certificate = NewCertificate();
        var request = child.ToRegisterRequest(Guid.NewGuid().ToString("N"));
        request.Child.Identifiers.Add(new Identifier { Kind = IdentifierKind.VaccinationCertificate, Value = certificate });
        var registered = await (await fixture.Hub.ClinicAsync()).RegisterChildAsync(request);
        return (child, certificate, registered.HubId);
    }

    private static void AssertExhausted(RpcException error)
    {
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var retry = error.GetRpcStatus()?.GetDetail<RetryInfo>() ?? throw new Xunit.Sdk.XunitException("no google.rpc.RetryInfo in the error");
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    private static string ExpectedMask(string name) =>
        name.Length == 2 ? name[0] + "*" : name[0] + new string('*', name.Length - 2) + name[^1];

    private static Metadata EndUser() => new() { { EndUserHeader, Guid.NewGuid().ToString("N") } };

    private static string NewCertificate() => "VC" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
