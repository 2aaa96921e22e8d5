namespace Exchange.Silo.Access;

/// <summary>
/// One issued API key. Only the SHA-256 of its secret is kept: the secret is shown once, at issue, and never stored.
/// </summary>
/// <param name="KeyId">Public part of the key, used to find it.</param>
/// <param name="SecretHash">Lower-case hex SHA-256 of the secret.</param>
[GenerateSerializer, Immutable, Alias("exchange.api-key.v1")]
public sealed record ApiKey(
    string KeyId,
    string SystemId,
    string SecretHash,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Not revoked and not expired at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A client certificate (by SHA-256 thumbprint) that authenticates a system over mutual TLS.</summary>
/// <param name="Thumbprint">Upper-case hex SHA-256 of the DER certificate.</param>
[GenerateSerializer, Immutable, Alias("exchange.client-certificate.v1")]
public sealed record ClientCertificate(
    string Thumbprint,
    string SystemId,
    DateTimeOffset BoundAt);

/// <summary>An API key together with the system it belongs to, for verifying a presented key.</summary>
[GenerateSerializer, Immutable, Alias("exchange.key-credential.v1")]
public sealed record KeyCredential(ApiKey Key, RegisteredSystem System);
