using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>The place no longer serves as a publicity point; it stays in the record with the reason.</summary>
[EventType("publicity-point.withdrawn.v1")]
public sealed record PublicityPointWithdrawn(PublicityPointId Point, BilingualText Reason, DateTimeOffset At) : IPublicityPointEvent;
