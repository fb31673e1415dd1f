using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public interface IMemorandumCommand
{
    MemorandumId Memorandum { get; }

    DateTimeOffset At { get; }
}
