using System.Security.Cryptography;

namespace Exchange.Silo.Audit;

/// <summary>Loads the checkpoint signing key (PEM, ECDSA P-256), or creates it once for the embedded default.</summary>
internal static class SigningKeys
{
    public const string DefaultFileName = "exchange-log-signing-key.pem";

    /// <summary>
    /// The configured key file must exist. Without one, the key lives in the data folder: created on first start,
    /// readable by the hub's user only, and reused afterwards.
    /// </summary>
    public static ECDsa Load(string? configuredFile, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredFile))
        {
            return Read(configuredFile);
        }

        var path = Path.Combine(Path.GetFullPath(dataFolder), DefaultFileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(pem);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node sharing this folder created it first: use theirs.
            key.Dispose();
            return Read(path);
        }

        return key;
    }

    private static ECDsa Read(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"Audit:SigningKeyFile '{path}' does not hold an ECDSA private key in PEM: {exception.Message}", exception);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"Audit:SigningKeyFile '{path}' holds a {key.KeySize}-bit key; the exchange log signs with ECDSA P-256.");
        }

        return key;
    }
}
