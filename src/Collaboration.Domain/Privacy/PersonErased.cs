using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Privacy;

/// <summary>
/// A person's personal data was erased on request (PIPL / GDPR) by deleting their key. Who asked and who did it sit in
/// the event's metadata; the reason is kept here because the audit trail must say why data disappeared.
/// </summary>
[EventType("person.erased.v1")]
public sealed record PersonErased(PersonId Person, string Reason, string By, DateTimeOffset At)
{
    public static string StreamName(PersonId person) => StreamCatalogue.PersonErasures.StreamOf(person.Value);
}
