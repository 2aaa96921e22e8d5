using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exchange.Hub.Access;

/// <summary>Client certificates are known by the SHA-256 thumbprint of their DER bytes, upper-case hex.</summary>
internal static class ClientCertificates
{
    private static readonly SearchValues<char> UpperHex = SearchValues.Create("0123456789ABCDEF");

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>A thumbprint as an administrator typed it (any case, colons or spaces), or null when it is not one.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var hex = new string([.. text.Where(c => c is not (':' or ' ' or '-'))]).ToUpperInvariant();
        return hex.Length == SHA256.HashSizeInBytes * 2 && !hex.AsSpan().ContainsAnyExcept(UpperHex) ? hex : null;
    }
}
