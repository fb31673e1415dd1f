using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary><c>memorandum-progress</c>, keyed by memorandum id: the memorandum's header; seen by the memorandum's parties.</summary>
public sealed class MemorandumProgressProjection : IProjection
{
    public const string ViewName = "memorandum-progress";

    public string Name => ViewName;

    /// <summary>3: the header only; the commitments are read from <c>commitment-detail</c> (<see cref="MemorandumProgressComposition"/>).</summary>
    public int Version => 3;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is IMemorandumEvent e)
        {
            var memorandum = await DomainStreams.MemorandumAsync(context, e.Memorandum, ct);
            await context.Views.PatchAsync<MemorandumProgressDocument>(
                DomainStreams.Key(e.Memorandum.Value),
                "memorandum",
                current => (current ?? MemorandumProgressDocument.Empty(e.Memorandum)).WithMemorandum(memorandum),
                ScopeOf,
                ct);
        }
    }

    // Static, so the writer wraps it once per document instead of once per event.
    private static readonly Func<MemorandumProgressDocument, ViewScope> ScopeOf = next =>
        ViewScope.For(ItemFacts.Of(ItemKind.Memorandum, next.Memorandum.Value) with { Parties = next.Parties.Select(p => p.Partner.Value).ToHashSet(), Published = next.IsPublished });
}
