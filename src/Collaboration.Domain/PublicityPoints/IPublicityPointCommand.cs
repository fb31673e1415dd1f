using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public interface IPublicityPointCommand
{
    PublicityPointId Point { get; }

    DateTimeOffset At { get; }
}
