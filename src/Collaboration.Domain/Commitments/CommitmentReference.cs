using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A commitment's key in the spreadsheet it came from. References are unique per memorandum (two memoranda may both
/// number their rows 1, 2, 3), and the commitment's id is a name-based id of (memorandum, normalised reference): the
/// stream of a referenced commitment is found without an index, and proposing it twice meets the store's
/// "no stream yet" check instead of making a duplicate (ADR 0020).
/// </summary>
public static class CommitmentReference
{
    /// <summary>Same rules as a partner's reference: trimmed, lower-case, inner whitespace runs become one '-'.</summary>
    public static string Normalise(string reference) => PartnerReference.Normalise(reference);

    public static bool IsValid(string normalised) => PartnerReference.IsValid(normalised);

    /// <summary>The id of the commitment with <paramref name="reference"/> (normalised here) under <paramref name="memorandum"/>.</summary>
    public static CommitmentId IdFor(MemorandumId memorandum, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', "commitment-reference", memorandum.Value.ToString("N"), Normalise(reference))), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom, name-based): never equal to a random v4 or time-ordered v7 id.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new CommitmentId(new Guid(bytes, bigEndian: true));
    }
}
