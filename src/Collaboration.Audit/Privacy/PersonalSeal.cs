using System.Security.Cryptography;
using System.Text.Json;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// The sealing both personal-data converters share: nonce(12) ‖ tag(16) ‖ AES-256-GCM(plaintext) under the person's
/// own key, with the person id as associated data, so a sealed value cannot be moved to another person.
/// </summary>
internal static class PersonalSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(Guid person, byte[] key, ReadOnlySpan<byte> plain)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), person.ToByteArray());
        return output;
    }

    public static byte[] Open(Guid person, byte[] key, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new JsonException("Sealed personal data is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceSize),
            sealedBytes.AsSpan(NonceSize + TagSize),
            sealedBytes.AsSpan(NonceSize, TagSize),
            plain,
            person.ToByteArray());
        return plain;
    }
}
