using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary><c>memorandum-progress</c>, keyed by memorandum id; seen by the memorandum's parties.</summary>
public sealed class MemorandumProgressProjection : IProjection
{
    public const string ViewName = "memorandum-progress";

    public string Name => ViewName;

    /// <summary>2: commitments keep only their latest approved report (<see cref="CommitmentDetail.ForProgress"/>).</summary>
    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        // The document is patched, part by part: the memorandum's header and one line per commitment, each built
        // when the document is written rather than on every event of every commitment under the memorandum.
        switch (projected.Event)
        {
            case IMemorandumEvent e:
                var memorandum = await DomainStreams.MemorandumAsync(context, e.Memorandum, ct);
                await PatchAsync(context, e.Memorandum, MemorandumPart, doc => doc.WithMemorandum(memorandum), ct);
                break;
            case ICommitmentEvent e:
                if (await DomainStreams.CommitmentAsync(context, e.Commitment, ct) is ExistingCommitment commitment)
                {
                    await PatchAsync(context, commitment.File.Memorandum, DomainStreams.Key(e.Commitment.Value), doc => doc.WithCommitment(CommitmentDetail.Of(commitment)!.ForProgress()), ct);
                }

                break;
        }
    }

    private const string MemorandumPart = "memorandum";

    private static ValueTask PatchAsync(IProjectionContext context, MemorandumId id, string part, Func<MemorandumProgressDocument, MemorandumProgressDocument> change, CancellationToken ct) =>
        context.Views.PatchAsync<MemorandumProgressDocument>(
            DomainStreams.Key(id.Value),
            part,
            current => change(current ?? MemorandumProgressDocument.Empty(id)),
            ScopeOf,
            ct);

    // Static, so the writer wraps it once per document instead of once per event (a patch comes with every commitment event).
    private static readonly Func<MemorandumProgressDocument, ViewScope> ScopeOf = next =>
        ViewScope.For(ItemFacts.Of(ItemKind.Memorandum, next.Memorandum.Value) with { Parties = next.Parties.Select(p => p.Partner.Value).ToHashSet(), Published = next.IsPublished });
}
