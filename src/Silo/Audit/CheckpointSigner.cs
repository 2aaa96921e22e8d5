using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Silo.Audit;

/// <summary>Signs checkpoints with the hub's ECDSA P-256 key, and checks them against a stored public key.</summary>
public sealed class CheckpointSigner : IDisposable
{
    private static readonly byte[] Context = Encoding.ASCII.GetBytes("exchange-log-checkpoint-v1");
    private readonly ECDsa _key;

    public CheckpointSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(PublicKey);
    }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; }

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="PublicKey"/>.</summary>
    public string KeyId { get; }

    public static string KeyIdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    public Checkpoint Sign(string chainId, long sequence, byte[] hash, DateTimeOffset signedAt)
    {
        var at = Time.Truncate(signedAt);
        var signature = _key.SignData(Payload(chainId, sequence, hash, at), HashAlgorithmName.SHA256);
        return new Checkpoint(chainId, sequence, hash, at, KeyId, signature);
    }

    /// <summary>True when <paramref name="checkpoint"/> was signed by the private half of <paramref name="publicKey"/>.</summary>
    public static bool IsValid(Checkpoint checkpoint, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(Payload(checkpoint.ChainId, checkpoint.Sequence, checkpoint.Hash, checkpoint.SignedAt), checkpoint.Signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();

    private static byte[] Payload(string chainId, long sequence, byte[] hash, DateTimeOffset signedAt)
    {
        var chain = Encoding.UTF8.GetBytes(chainId);
        var payload = new byte[Context.Length + 4 + chain.Length + 8 + hash.Length + 8];
        var span = payload.AsSpan();
        Context.CopyTo(span);
        span = span[Context.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, chain.Length);
        chain.CopyTo(span[4..]);
        span = span[(4 + chain.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, sequence);
        hash.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt64BigEndian(span[(8 + hash.Length)..], Time.ToMicroseconds(signedAt));
        return payload;
    }
}
