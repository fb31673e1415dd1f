using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>Marker for commands handled by <see cref="CommitmentDecider"/>.</summary>
public interface ICommitmentCommand
{
    CommitmentId Commitment { get; }

    Actor By { get; }

    DateTimeOffset At { get; }
}
