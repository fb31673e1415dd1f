using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.Catalogue;

/// <summary><c>partners</c>, keyed by partner id; every signed-in user may list organisations.</summary>
public sealed class PartnersProjection : IProjection
{
    public const string ViewName = "partners";

    public string Name => ViewName;

    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is IPartnerEvent e && PartnerDecider.Summarise(await DomainStreams.PartnerAsync(context, e.Partner, ct)) is { } s)
        {
            await context.Views.PutAsync(DomainStreams.Key(e.Partner.Value), new PartnerListItem(s.Id, s.Kind, s.Name, s.IsActive), ViewScope.For(ItemFacts.Of(ItemKind.PartnerDirectory)), ct);
        }
    }
}

/// <summary><c>policies</c>, keyed by policy id; public.</summary>
public sealed class PoliciesProjection : IProjection
{
    public const string ViewName = "policies";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is not IPolicyEvent e)
        {
            return;
        }

        PolicyListItem? item = await DomainStreams.PolicyAsync(context, e.Policy, ct) switch
        {
            PublishedPolicy p => new(p.Id, p.Content, p.Revision, IsRetired: false),
            RetiredPolicy r => new(r.Id, r.Content, r.Revision, IsRetired: true),
            _ => null,
        };
        if (item is not null)
        {
            await context.Views.PutAsync(DomainStreams.Key(e.Policy.Value), item, ViewScope.For(ItemFacts.Of(ItemKind.Policy)), ct);
        }
    }
}

/// <summary><c>memoranda</c>, keyed by memorandum id; seen by its parties.</summary>
public sealed class MemorandaProjection : IProjection
{
    public const string ViewName = "memoranda";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is not IMemorandumEvent e)
        {
            return;
        }

        var state = await DomainStreams.MemorandumAsync(context, e.Memorandum, ct);
        var doc = MemorandumProgress.MemorandumProgressDocument.Empty(e.Memorandum).WithMemorandum(state);
        if (doc.Title is { } title && doc.Status is { } status)
        {
            var item = new MemorandumListItem(e.Memorandum, title, status, doc.FocusAreas, doc.TermStart!.Value, doc.TermEnd!.Value, doc.Parties);
            await context.Views.PutAsync(DomainStreams.Key(e.Memorandum.Value), item, ViewScope.For(StateFacts.Of(ItemFacts.Of(ItemKind.Memorandum, e.Memorandum.Value), state)), ct);
        }
    }
}

/// <summary><c>observers</c>, keyed by observer id; an observer sees its own entry.</summary>
public sealed class ObserversProjection : IProjection
{
    public const string ViewName = "observers";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is IObserverEvent e && ObserverView.Of(await DomainStreams.ObserverAsync(context, e.Observer, ct)) is { } view)
        {
            await context.Views.PutAsync(DomainStreams.Key(e.Observer.Value), ObserverListItem.Of(view), ViewScope.For(ItemFacts.Of(ItemKind.Observer, e.Observer.Value) with { Observer = e.Observer.Value }), ct);
        }
    }
}
