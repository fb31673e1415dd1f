using Collaboration.Domain.Kernel;
using Collaboration.Domain.Privacy;
using Collaboration.EventStore;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// Erases one person: first records <see cref="PersonErased"/> (who and why, in the chain), then deletes the key.
/// In that order so a crash between the two leaves an audited request whose retry finishes the job, never a silent
/// loss of data. Erasing twice is harmless: the second call appends nothing new to the key file.
/// </summary>
public sealed class PersonalDataEraser(IEventStore store, EventSerializer serializer, IPersonalKeyStore keys, TimeProvider time)
{
    public async Task<PersonErasure> EraseAsync(PersonId person, string reason, EventMetadata metadata, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var stream = PersonErased.StreamName(person);
        var @event = new PersonErased(person, reason, metadata.ActorId ?? "system", time.GetUtcNow());
        var appended = await store.AppendAsync(stream, ExpectedRevision.Any, [serializer.ToEventToAppend(@event, metadata)], ct);
        var hadKey = keys.Delete(person);
        var position = appended is AppendResult.Appended a ? a.LastPosition : 0;
        return new PersonErasure(person, stream, position, hadKey);
    }
}
