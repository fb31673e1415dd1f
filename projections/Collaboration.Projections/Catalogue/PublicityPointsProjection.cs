using Collaboration.Domain.PublicityPoints;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.Catalogue;

/// <summary><c>publicity-points</c>, keyed by point id; public, like the policy catalogue they belong to.</summary>
public sealed class PublicityPointsProjection : IProjection
{
    public const string ViewName = "publicity-points";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is not IPublicityPointEvent e)
        {
            return;
        }

        PublicityPointListItem? item = await DomainStreams.PublicityPointAsync(context, e.Point, ct) switch
        {
            DesignatedPublicityPoint p => new(p.Id, p.Details, p.DesignatedOn, IsWithdrawn: false, WithdrawalReason: null),
            WithdrawnPublicityPoint w => new(w.Id, w.Details, w.DesignatedOn, IsWithdrawn: true, w.Reason),
            _ => null,
        };
        if (item is not null)
        {
            await context.Views.PutAsync(DomainStreams.Key(e.Point.Value), item, ViewScope.For(ItemFacts.Of(ItemKind.Policy)), ct);
        }
    }
}
