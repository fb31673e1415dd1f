using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.CommitmentDetails;

/// <summary><c>commitment-detail</c>, keyed by commitment id; seen by the owning partner.</summary>
public sealed class CommitmentDetailProjection : IProjection
{
    public const string ViewName = "commitment-detail";

    public string Name => ViewName;

    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is not ICommitmentEvent e)
        {
            return;
        }

        if (await DomainStreams.CommitmentAsync(context, e.Commitment, ct) is ExistingCommitment state)
        {
            // Built when written, not per event: a commitment's detail copies its whole report history.
            await context.Views.PutDeferredAsync(
                DomainStreams.Key(e.Commitment.Value), () => CommitmentDetail.Of(state)!, OwnersScope, ct);
        }
    }

    /// <summary>
    /// The policy's scope for the commitment with its owner only: this list is each organisation's own commitments (the
    /// partner portfolio reads it so). Other parties read a commitment by id, or as a line of the memorandum's progress.
    /// </summary>
    /// <remarks>Static, read off the built detail, so the writer wraps it once per document instead of once per event.</remarks>
    private static readonly Func<CommitmentDetail, ViewScope> OwnersScope = detail => ScopeOf(detail.Commitment.Id, detail.Commitment.Owner);

    /// <summary>A commitment's scope with its owner only, for every document that shows one commitment to its owner.</summary>
    public static ViewScope ScopeOf(CommitmentId commitment, PartnerId owner) =>
        ViewScope.For(ItemFacts.Of(ItemKind.Commitment, commitment.Value) with { Owner = owner.Value });
}
