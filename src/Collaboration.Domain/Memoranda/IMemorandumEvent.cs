using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public interface IMemorandumEvent
{
    MemorandumId Memorandum { get; }

    DateTimeOffset At { get; }
}
