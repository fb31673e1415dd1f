using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public interface IPublicityPointEvent
{
    PublicityPointId Point { get; }

    DateTimeOffset At { get; }
}
