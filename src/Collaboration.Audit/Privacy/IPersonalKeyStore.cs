using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// One AES-256 key per person, kept apart from the event log. Deleting a key is the erasure: the log's bytes never
/// change, so the hash chain still verifies, but the sealed personal fields can no longer be opened.
/// </summary>
/// <remarks>
/// Synchronous on purpose: the converters that seal and open personal data call it from inside a
/// <see cref="System.Text.Json.Serialization.JsonConverter"/>. An implementation shared by several processes must let
/// each of them notice an erasure made by another one, or an erased person would still read in the clear there.
/// </remarks>
public interface IPersonalKeyStore
{
    /// <summary>The size of every key in bytes (AES-256).</summary>
    const int KeySize = 32;

    /// <summary>The person's key, created on first use. An erased person never gets a new key.</summary>
    /// <exception cref="PersonErasedException">The person was erased: new personal data for them must not be sealed under a fresh key silently.</exception>
    byte[] GetOrCreate(PersonId person);

    /// <summary>
    /// <see cref="GetOrCreate"/> for a caller that can wait without holding a thread: a command that brings a new person
    /// creates the key this way before its events are serialised, so the converter's synchronous call finds it cached.
    /// The default runs <see cref="GetOrCreate"/>.
    /// </summary>
    /// <exception cref="PersonErasedException">The person was erased.</exception>
    ValueTask<byte[]> GetOrCreateAsync(PersonId person, CancellationToken cancellationToken = default) => ValueTask.FromResult(GetOrCreate(person));

    /// <summary>The person's key, or null when they have none (erased, or never sealed).</summary>
    byte[]? Find(PersonId person);

    /// <summary>True once <see cref="Delete"/> ran for the person.</summary>
    bool IsErased(PersonId person);

    /// <summary>Deletes the person's key for ever and remembers the erasure. Returns false when there was no key.</summary>
    bool Delete(PersonId person);

    /// <summary>How many people have a key.</summary>
    long Count();
}
