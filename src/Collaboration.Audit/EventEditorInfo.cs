using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>The metadata that answers "who, on whose behalf, in answer to what".</summary>
public sealed record EventEditorInfo(string? ActorId, string? Role, string? Organisation, Guid? CorrelationId, Guid? CommandId)
{
    public static EventEditorInfo From(EventMetadata m) => new(m.ActorId, m.Role, m.Organisation, m.CorrelationId, m.CommandId);
}
