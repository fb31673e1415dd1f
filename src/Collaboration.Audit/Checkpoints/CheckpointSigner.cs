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
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        KeyPath = Path.GetFullPath(keyPath);
        key = ECDsa.Create();
        if (File.Exists(KeyPath))
        {
            key.ImportFromPem(File.ReadAllText(KeyPath));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
            File.WriteAllText(KeyPath, key.ExportECPrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>The default key file next to a log file.</summary>
    public static string DefaultPathFor(string logPath) => logPath + ".audit-key.pem";

    public string KeyPath { get; }

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
