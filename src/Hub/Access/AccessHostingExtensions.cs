using Exchange.Hub.Callers;
using Exchange.Hub.PublicLookup;
using Exchange.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Hub.Access;

internal static class AccessHostingExtensions
{
    /// <summary>
    /// Authentication (API keys, client certificates), role policies with "authenticated" as the fallback for every
    /// endpoint, the first administrator, and the public lookup's limiter.
    /// </summary>
    /// <exception cref="ExchangeConfigurationException">An Access setting is invalid.</exception>
    public static WebApplicationBuilder AddExchangeAccess(this WebApplicationBuilder builder)
    {
        var problems = ReadOptions(builder.Configuration).Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ExchangeConfigurationException(string.Join(Environment.NewLine, problems));
        }

        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        builder.Services.AddSingleton<CredentialVerifier>();
        builder.Services.AddSingleton<ICallerResolver, ClaimsCallerResolver>();
        builder.Services.AddSingleton<LookupRateLimiter>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedResponses>();
        builder.Services.AddHostedService<BootstrapAdministrator>();
        builder.Services
            .AddAuthentication(ExchangeAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ExchangeAuthenticationHandler>(ExchangeAuthentication.Scheme, null);
        builder.Services.AddAuthorization(AccessPolicies.Configure);

        // Client certificates are pinned: access comes from a thumbprint bound to a system in the registry, not from
        // the certificate chaining to some CA, so the TLS layer accepts any client certificate and lets
        // authentication decide. Which endpoints ask for one is Kestrel configuration (ClientCertificateMode).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ClientCertificateValidation = static (_, _, _) => true));
        return builder;
    }

    private static AccessOptions ReadOptions(ConfigurationManager configuration)
    {
        try
        {
            return configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        }
        catch (InvalidOperationException exception)
        {
            throw new ExchangeConfigurationException($"Configuration section '{AccessOptions.Section}' is invalid: {exception.Message}");
        }
    }
}
