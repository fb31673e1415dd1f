using Collaboration.Domain.Commitments;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// <c>memorandum-line</c>, keyed by commitment id: each commitment as a line of its memorandum's progress
/// (<see cref="MemorandumLine"/>). Stored for office and auditors only: parties and the public read the lines through the
/// memorandum's progress, which the visibility policy decides on the memorandum (ADR 0031); the status hub does not carry
/// them (the office's dashboards get each commitment's detail).
/// </summary>
public sealed class MemorandumLineProjection : IProjection
{
    public const string ViewName = "memorandum-line";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is ICommitmentEvent e && await DomainStreams.CommitmentAsync(context, e.Commitment, ct) is ExistingCommitment state)
        {
            await context.Views.PutDeferredAsync(DomainStreams.Key(e.Commitment.Value), () => MemorandumLine.Of(CommitmentDetail.Of(state)!), OfficeOnly, ct);
        }
    }

    // A memorandum's facts without parties or publication: office and auditors only.
    private static readonly Func<MemorandumLine, ViewScope> OfficeOnly = line => ViewScope.For(ItemFacts.Of(ItemKind.Memorandum, line.Memorandum.Value));
}
