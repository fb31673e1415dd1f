using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public sealed record DesignatePublicityPoint(PublicityPointId Point, PublicityPointDetails Details, DateOnly DesignatedOn, DateTimeOffset At) : IPublicityPointCommand;
