using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>The district recognised a place as a foreign-related policy publicity point on <paramref name="DesignatedOn"/>.</summary>
[EventType("publicity-point.designated.v1")]
public sealed record PublicityPointDesignated(PublicityPointId Point, PublicityPointDetails Details, DateOnly DesignatedOn, DateTimeOffset At) : IPublicityPointEvent;
