using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Exchange.Hub.Access;

/// <summary>
/// Authenticates the calling system by a client certificate presented over mutual TLS (when the endpoint asks for
/// one and its thumbprint is bound to a system) or else by an API key in <c>Authorization: Bearer</c>. No credential
/// at all is "no result", so anonymous endpoints (health, FHIR metadata) still work; a credential that is presented
/// but refused fails the request.
/// </summary>
internal sealed class ExchangeAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Connection.ClientCertificate is { } certificate)
        {
            var (system, refusal) = await verifier.VerifyCertificateAsync(ClientCertificates.Thumbprint(certificate));
            if (system is not null)
            {
                return Success(system, "client-certificate");
            }

            // An unbound certificate may still come with a valid key; if not, say why the certificate was refused.
            if (!HasBearer())
            {
                return AuthenticateResult.Fail(refusal!);
            }
        }

        if (!HasBearer())
        {
            return AuthenticateResult.NoResult();
        }

        if (Request.Headers.Authorization.Count > 1 || !AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header))
        {
            return AuthenticateResult.Fail("send exactly one 'Authorization: Bearer <key>' header");
        }

        if (!string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            return AuthenticateResult.Fail("send the API key as 'Authorization: Bearer <key>'");
        }

        var (keySystem, keyRefusal) = await verifier.VerifyKeyAsync(header.Parameter);
        return keySystem is null ? AuthenticateResult.Fail(keyRefusal!) : Success(keySystem, "api-key");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        return Task.CompletedTask;
    }

    private bool HasBearer() => Request.Headers.Authorization.Count > 0;

    // The caller rides on the request beside the principal; ClaimsCallerResolver reads it for authenticated requests.
    private AuthenticateResult Success(Silo.Access.RegisteredSystem system, string method)
    {
        Context.Features.Set(Callers.Caller.Of(system));
        return AuthenticateResult.Success(new AuthenticationTicket(ExchangeClaims.Principal(system, method), ExchangeAuthentication.Scheme));
    }
}
