using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Collaboration.Api.Application;

/// <summary>
/// A reply's JSON body serialised once, to be written as it is to every reader of the same document, with an entity tag
/// derived from the bytes themselves (so equal bodies have equal tags whoever asked, and any change of a byte changes it).
/// </summary>
public sealed class PreparedJson
{
    private PreparedJson(byte[] utf8, string entityTag)
    {
        Utf8 = utf8;
        EntityTag = entityTag;
    }

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The quoted, strong entity tag of <see cref="Utf8"/>.</summary>
    public string EntityTag { get; }

    /// <summary><paramref name="value"/> serialised with <paramref name="typeInfo"/> (the API's own JSON contract).</summary>
    public static PreparedJson Of<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        // 128 bits of SHA-256: computed once per composition, not per request; a collision would need an adversary who
        // can write the log, and even then only skips one download.
        var hash = SHA256.HashData(utf8);
        return new PreparedJson(utf8, $"\"{Convert.ToHexStringLower(hash, 0, 16)}\"");
    }
}
