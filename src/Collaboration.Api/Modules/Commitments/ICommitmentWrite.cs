using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>A write on one existing commitment, scoped by <see cref="OwnedCommitmentAccess"/>.</summary>
public interface ICommitmentWrite : IWrite
{
    CommitmentId Commitment { get; }
}
