using System.Security.Cryptography;
using Collaboration.EventStore;

namespace Collaboration.Audit.Checkpoints;

/// <summary>
/// Signs chain heads with an ECDSA P-256 key kept outside the log (<c>Audit:SigningKeyPath</c>; by default
/// <c>&lt;log&gt;.audit-key.pem</c>, generated on first use). Asymmetric rather than HMAC so that a verifier holding only the
/// public key cannot forge checkpoints.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa key;

    public CheckpointSigner(string keyPath)
        : this(LoadOrCreate(keyPath)) => KeyPath = Path.GetFullPath(keyPath);

    private CheckpointSigner(ECDsa key)
    {
        this.key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>A signer over a private key kept elsewhere than in a file (e.g. in the PostgreSQL database several nodes share).</summary>
    public static CheckpointSigner FromPem(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem);
        return new CheckpointSigner(key);
    }

    /// <summary>A fresh P-256 private key in PEM, for a store that keeps the signing key itself.</summary>
    public static string NewPrivateKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportECPrivateKeyPem();
    }

    private static ECDsa LoadOrCreate(string keyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        keyPath = Path.GetFullPath(keyPath);
        var key = ECDsa.Create();
        if (File.Exists(keyPath))
        {
            key.ImportFromPem(File.ReadAllText(keyPath));
            return key;
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        File.WriteAllText(keyPath, key.ExportECPrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    /// <summary>The default key file next to a log file.</summary>
    public static string DefaultPathFor(string logPath) => logPath + ".audit-key.pem";

    /// <summary>The key file; null for a key kept elsewhere (<see cref="FromPem"/>).</summary>
    public string? KeyPath { get; }

    public string KeyId { get; }

    /// <summary>The public half, to hand to whoever keeps checkpoints.</summary>
    public string PublicKeyPem { get; }

    public AuditCheckpoint Sign(ChainHead head, DateTimeOffset at)
    {
        var unsigned = new AuditCheckpoint(head.Position, Convert.ToHexStringLower(head.Hash.Span), at.ToUniversalTime(), KeyId, "");
        return unsigned with { Signature = Convert.ToBase64String(key.SignData(unsigned.SignedText, HashAlgorithmName.SHA256)) };
    }

    /// <summary>True when the checkpoint was signed by this key and not altered since.</summary>
    public bool HasValidSignature(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.KeyId != KeyId)
        {
            return false;
        }

        try
        {
            return key.VerifyData(checkpoint.SignedText, Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => key.Dispose();
}
