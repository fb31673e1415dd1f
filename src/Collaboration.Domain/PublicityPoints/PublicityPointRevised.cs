using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>New details (address, hours, the policies it carries), replacing the previous ones whole.</summary>
[EventType("publicity-point.revised.v1")]
public sealed record PublicityPointRevised(PublicityPointId Point, PublicityPointDetails Details, DateTimeOffset At) : IPublicityPointEvent;
