using System.Buffers.Text;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// The signing secrets of registered webhook endpoints, kept in the key store personal data uses (ADR 0024): the secret
/// is a fresh 256-bit key there, named by an id the log records; the log never holds the secret. Rotating shreds the
/// old key, so the old secret is gone for good. The secret the partner is given is the key in base64url, and calls
/// are signed with that string, exactly as with a configured secret.
/// </summary>
public sealed class WebhookSecrets(IPersonalKeyStore keys)
{
    /// <summary>Creates a new secret and returns the id that names it.</summary>
    public Guid Issue()
    {
        var id = Guid.CreateVersion7();
        keys.GetOrCreate(PersonId.From(id));
        return id;
    }

    /// <summary>The secret named <paramref name="key"/>, or null once shredded.</summary>
    public string? SecretOf(Guid key) => keys.Find(PersonId.From(key)) is { } bytes ? Base64Url.EncodeToString(bytes) : null;

    /// <summary>Destroys a secret that is no longer used.</summary>
    public void Shred(Guid key) => keys.Delete(PersonId.From(key));
}
