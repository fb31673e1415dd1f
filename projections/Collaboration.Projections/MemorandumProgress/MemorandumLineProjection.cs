using Collaboration.Domain.Commitments;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// <c>memorandum-line</c>, keyed by commitment id: each commitment as a line of its memorandum's progress
/// (<see cref="MemorandumLine"/>). Scoped like the commitment's detail (office, auditors, the owning organisation), so the
/// commitment lists, a partner's portfolio and the overview count and page these small documents for exactly the viewers
/// the detail is for; other parties read the lines through the memorandum's progress, which the visibility policy decides
/// on the memorandum (ADR 0031). The status hub does not carry them (dashboards get each commitment's detail).
/// </summary>
public sealed class MemorandumLineProjection : IProjection
{
    public const string ViewName = "memorandum-line";

    public string Name => ViewName;

    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is ICommitmentEvent e && await DomainStreams.CommitmentAsync(context, e.Commitment, ct) is ExistingCommitment state)
        {
            await context.Views.PutDeferredAsync(DomainStreams.Key(e.Commitment.Value), () => MemorandumLine.Of(CommitmentDetail.Of(state)!), OwnersScope, ct);
        }
    }

    private static readonly Func<MemorandumLine, ViewScope> OwnersScope = line => CommitmentDetailProjection.ScopeOf(line.Id, line.Owner);
}
