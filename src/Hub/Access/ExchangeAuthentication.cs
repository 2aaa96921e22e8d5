namespace Exchange.Hub.Access;

/// <summary>The authentication scheme of every Exchange credential (see <see cref="ExchangeAuthenticationHandler"/>).</summary>
internal static class ExchangeAuthentication
{
    public const string Scheme = "Exchange";
}
