using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.EventStore;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>Body of <c>POST /api/v1/notifications/follows</c>.</summary>
/// <param name="Item">The kind of item: <c>memoranda</c>, <c>commitments</c>, <c>talent-cases</c> or <c>feedback</c>.</param>
/// <param name="Id">The item's id.</param>
public sealed record FollowBody(string Item, Guid Id);

/// <summary>An item the caller follows.</summary>
/// <param name="Item">The kind of item.</param>
/// <param name="Id">The item's id.</param>
public sealed record FollowedItem(string Item, Guid Id);

/// <summary>The kinds of item one can follow, by the name the API uses for them.</summary>
public static class FollowableItems
{
    public static IReadOnlyList<StreamFamily> Families { get; } =
        [StreamCatalogue.Memoranda, StreamCatalogue.Commitments, StreamCatalogue.TalentCases, StreamCatalogue.Feedback];

    public static string? StreamOf(string? item, Guid id) =>
        Families.FirstOrDefault(f => string.Equals(f.Module, item, StringComparison.OrdinalIgnoreCase)) is { } family ? family.StreamOf(id) : null;

    public static FollowedItem? Describe(string stream) =>
        StreamCatalogue.Of(stream) is { } family && Families.Contains(family) && Guid.TryParse(stream.AsSpan(family.Prefix.Length), out var id)
            ? new FollowedItem(family.Module, id)
            : null;

    public static string Names => string.Join(", ", Families.Select(f => f.Module));
}

/// <summary>Follow an item the caller may read; an item the policy hides from the caller is 404, as if it did not exist.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner, CallerRole.Observer)]
public sealed record FollowItemRequest(Caller Caller, WriteOptions Options, string Item, Guid Id, bool Follow) : IWrite;

public sealed class FollowItemValidator : IValidator<FollowItemRequest>
{
    public void Validate(FollowItemRequest request, ValidationErrors errors)
    {
        if (FollowableItems.StreamOf(request.Item, request.Id) is null)
        {
            errors.Add("item", $"Must be one of: {FollowableItems.Names}.");
        }
    }
}

public sealed class FollowItemHandler(StreamExecutor executor, VisibilityService visibility, IEventStore store, TimeProvider time)
    : ICommandHandler<FollowItemRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(FollowItemRequest request, CancellationToken cancellationToken)
    {
        var item = FollowableItems.StreamOf(request.Item, request.Id)!;
        if (request.Follow && (await store.ReadStreamRevisionAsync(item, cancellationToken) is null
                               || await visibility.OfStreamAsync(request.Caller, item, cancellationToken) == Access.Hidden))
        {
            return new CommandOutcome.NotFound();
        }

        var identity = NotificationIdentity.Of(request.Caller);
        return await executor.ExecuteAsync<SubscriberDecider, SubscriberState, ISubscriberCommand, ISubscriberEvent>(
            SubscriberDecider.IdOf(identity.User),
            SubscriberDecider.StreamName(identity.User),
            StreamIntent.Create,
            _ => request.Follow ? new FollowItem(identity, item, time.GetUtcNow()) : new UnfollowItem(identity, item, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

/// <summary>The items the caller follows (automatic following of one's own items is not listed: it needs no record).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListFollowsRequest(Caller Caller) : IRead<IReadOnlyList<FollowedItem>>;

public sealed class ListFollowsHandler(StreamExecutor executor) : IQueryHandler<ListFollowsRequest, QueryOutcome<IReadOnlyList<FollowedItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<FollowedItem>>> Handle(ListFollowsRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<SubscriberDecider, SubscriberState, ISubscriberCommand, ISubscriberEvent>(
            SubscriberDecider.StreamName(request.Caller.Id), cancellationToken);
        return QueryOutcome<IReadOnlyList<FollowedItem>>.Of(
            [.. loaded.State.Following.Order(StringComparer.Ordinal).Select(FollowableItems.Describe).OfType<FollowedItem>()], loaded.Revision);
    }
}
