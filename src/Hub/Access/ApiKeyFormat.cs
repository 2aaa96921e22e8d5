using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Hub.Access;

/// <summary>
/// API keys read "exk_&lt;keyId&gt;_&lt;secret&gt;": a key id (public, finds the key) and a 256-bit random secret as 64
/// hex characters. Only SHA-256 of the secret is stored. A slow password hash (PBKDF2, Argon2) protects guessable
/// secrets; these are 256 random bits, which no dictionary or brute force can reach, so a fast hash is as safe and
/// keeps verification cheap.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "exk_";
    private const int SecretBytes = 32;
    private const int KeyIdBytes = 8;
    private static readonly SearchValues<char> KeyIdCharacters = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> HexCharacters = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>A new key id and secret, and the whole key to hand out once.</summary>
    public static (string KeyId, string Secret, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>Splits a presented key; false when it is not in the key format.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = null;
        secret = null;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator < 4 || separator > 32)
        {
            return false;
        }

        var id = rest[..separator];
        var secretPart = rest[(separator + 1)..];
        if (id.ContainsAnyExcept(KeyIdCharacters) || secretPart.Length != SecretBytes * 2 || !IsHex(secretPart))
        {
            return false;
        }

        keyId = id.ToString();
        secret = secretPart.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the secret, as stored.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        if (storedHash.Length != SHA256.HashSizeInBytes * 2 || Convert.FromHexString(storedHash, stored, out _, out _) != OperationStatus.Done)
        {
            return false;
        }

        // Every authenticated call checks its key: hash on the stack rather than allocate the bytes and the digest.
        Span<byte> secretBytes = stackalloc byte[SecretBytes * 2];
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        if (secret.Length != secretBytes.Length || Encoding.ASCII.GetBytes(secret, secretBytes) != secretBytes.Length)
        {
            return false;
        }

        SHA256.HashData(secretBytes, presented);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static bool IsHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(HexCharacters);
}
