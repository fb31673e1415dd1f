using Collaboration.Api.Application;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>A partner writes only on commitments its organisation owns (another party: 403; not a party: 404).</summary>
public sealed class OwnedCommitmentAccess(CommitmentStreams streams) : IAccessRule<ICommitmentWrite>
{
    public ValueTask<Access> CheckAsync(ICommitmentWrite request, CancellationToken cancellationToken) =>
        streams.PartnerAccessAsync(request.Caller, request.Commitment, write: true, cancellationToken);
}
