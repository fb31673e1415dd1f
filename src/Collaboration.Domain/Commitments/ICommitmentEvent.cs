using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>Marker for the events of a commitment stream (<c>commitment-&lt;guid&gt;</c>).</summary>
public interface ICommitmentEvent
{
    CommitmentId Commitment { get; }

    DateTimeOffset At { get; }
}
