namespace Collaboration.Projections.Activity;

/// <summary>One line of the activity feed: what happened (the event's wire name) to which aggregate, and when.</summary>
public sealed record ActivityEntry(long Position, DateTimeOffset RecordedAt, string Type, string Kind, Guid Subject, string Stream);
