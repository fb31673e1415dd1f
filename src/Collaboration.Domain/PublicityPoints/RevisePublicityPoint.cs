using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public sealed record RevisePublicityPoint(PublicityPointId Point, PublicityPointDetails Details, DateTimeOffset At) : IPublicityPointCommand;
