using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

public interface IPolicyCommand
{
    PolicyId Policy { get; }

    DateTimeOffset At { get; }
}
