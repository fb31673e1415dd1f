using Collaboration.Domain.Commitments;
using Collaboration.Testing.Specs;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>Shorthand for the Given/When/Then spec closed over the commitment decider.</summary>
internal static class CommitmentSpec
{
    public static DeciderSpec<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>.GivenStep Given(
        params ICommitmentEvent[] history) =>
        DeciderSpec<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>.Given(history);

    public static CommitmentState Replay(params ICommitmentEvent[] history) =>
        history.Aggregate(CommitmentDecider.Initial, CommitmentDecider.Evolve);
}
