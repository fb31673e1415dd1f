using Collaboration.Domain.TalentCases;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.TalentCaseQueue;

/// <summary>
/// <c>talent-case-queue</c>, keyed by case id: the domain's <see cref="TalentCaseView"/> (the talent only as a
/// PersonId, never name or contact); seen by the referring partner. Deadline facts come from <see cref="TalentCaseLine"/>.
/// </summary>
public sealed class TalentCaseQueueProjection : IProjection
{
    public const string ViewName = "talent-case-queue";

    public string Name => ViewName;

    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is ITalentCaseEvent e && TalentCaseView.Of(await DomainStreams.TalentCaseAsync(context, e.Case, ct)) is { } view)
        {
            var scope = ViewScope.For(ItemFacts.Of(ItemKind.TalentCase, e.Case.Value) with { ReferredBy = view.ReferredBy?.Value });
            await context.Views.PutAsync(DomainStreams.Key(e.Case.Value), view, scope, ct);
        }
    }
}
