using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Collaboration.Audit.Checkpoints;

/// <summary>
/// A signed statement "the log's chain hash at <see cref="Position"/> was <see cref="Hash"/>", meant to be kept outside
/// the system (a file, a printed report). Whoever can write the database can recompute a whole chain; they cannot
/// make an old checkpoint agree with a rewritten log.
/// </summary>
/// <param name="Position">The chain head's position when signed.</param>
/// <param name="Hash">The chain hash at that position, lower-case hex.</param>
/// <param name="Timestamp">When it was signed (UTC).</param>
/// <param name="KeyId">Which signing key: the first 16 hex digits of SHA-256 of its public key.</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature (IEEE P1363, base64) over <see cref="SignedText"/>.</param>
public sealed record AuditCheckpoint(long Position, string Hash, DateTimeOffset Timestamp, string KeyId, string Signature)
{
    /// <summary>The exact text that is signed; versioned so the format can change without ambiguity.</summary>
    [JsonIgnore]
    public byte[] SignedText => Encoding.UTF8.GetBytes(string.Join(
        '\n',
        "collaboration-checkpoint/v1",
        Position.ToString(CultureInfo.InvariantCulture),
        Hash,
        Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        KeyId));
}
