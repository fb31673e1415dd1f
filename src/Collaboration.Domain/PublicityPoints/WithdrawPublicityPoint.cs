using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public sealed record WithdrawPublicityPoint(PublicityPointId Point, BilingualText Reason, DateTimeOffset At) : IPublicityPointCommand;
