using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary><c>memorandum-progress</c>, keyed by memorandum id; seen by the memorandum's parties.</summary>
public sealed class MemorandumProgressProjection : IProjection
{
    public const string ViewName = "memorandum-progress";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        switch (projected.Event)
        {
            case IMemorandumEvent e:
                var state = await DomainStreams.MemorandumAsync(context, e.Memorandum, ct);
                await UpdateAsync(context, e.Memorandum, doc => doc.WithMemorandum(state), ct);
                break;
            case ICommitmentEvent e:
                if (CommitmentDetail.Of(await DomainStreams.CommitmentAsync(context, e.Commitment, ct)) is { } detail)
                {
                    await UpdateAsync(context, detail.Commitment.Memorandum, doc => doc.WithCommitment(detail), ct);
                }

                break;
        }
    }

    private static async ValueTask UpdateAsync(IProjectionContext context, MemorandumId id, Func<MemorandumProgressDocument, MemorandumProgressDocument> change, CancellationToken ct)
    {
        var key = DomainStreams.Key(id.Value);
        var current = await context.Views.GetAsync<MemorandumProgressDocument>(key, ct) ?? MemorandumProgressDocument.Empty(id);
        var next = change(current);
        await context.Views.PutAsync(key, next, ViewScope.ForPartners(next.Parties.Select(p => p.Partner.Value)), ct);
    }
}
