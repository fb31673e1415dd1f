using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Application;

/// <summary>
/// The tracker's key store, with every key deletion (an erasure, a shredded webhook secret) also forgetting the cached
/// stream states that may hold the person's decrypted data — after the key is gone, so no state read since is kept.
/// </summary>
public sealed class StateEvictingKeyStore(IPersonalKeyStore inner, StreamStateCache states) : IPersonalKeyStore, IDisposable
{
    public byte[] GetOrCreate(PersonId person) => inner.GetOrCreate(person);

    public ValueTask<byte[]> GetOrCreateAsync(PersonId person, CancellationToken cancellationToken = default) =>
        inner.GetOrCreateAsync(person, cancellationToken);

    public byte[]? Find(PersonId person) => inner.Find(person);

    public bool IsErased(PersonId person) => inner.IsErased(person);

    public bool Delete(PersonId person)
    {
        try
        {
            return inner.Delete(person);
        }
        finally
        {
            states.Clear();
        }
    }

    public long Count() => inner.Count();

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
