using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

public interface IPolicyEvent
{
    PolicyId Policy { get; }

    DateTimeOffset At { get; }
}
