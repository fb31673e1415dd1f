using Collaboration.Api.Application;
using Collaboration.Api.Hosting;
using Collaboration.Domain.Visibility;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Api.Live;

/// <summary>
/// Live status at <c>/hubs/status</c>. Groups come from the token only (see <see cref="StatusHubContract"/>); there is
/// deliberately no method to join a group, so a partner connection can never listen to another organisation.
/// </summary>
[Authorize(Policy = AuthenticationSetup.ApiPolicy)]
public sealed class StatusHub(IViewQueries queries, AudienceMembers members) : Hub<IStatusClient>
{
    public override async Task OnConnectedAsync()
    {
        if (Caller.FromPrincipal(Context.User!) is not { } caller)
        {
            Context.Abort();
            return;
        }

        // The specific group comes first (GroupsOf's order) and is recorded before "public" is joined: a connection that
        // can get a public copy is always known to the push as a member of its specific group (see AudienceMembers).
        foreach (var group in GroupsOf(caller))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            if (IsSpecific(group))
            {
                members.Add(group, Context.ConnectionId);
            }
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Caller.FromPrincipal(Context.User!) is { } caller)
        {
            foreach (var group in GroupsOf(caller).Where(IsSpecific))
            {
                members.Remove(group, Context.ConnectionId);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>A group for one organisation or one observer (not <c>office</c>, not <c>public</c>).</summary>
    public static bool IsSpecific(string group) =>
        group is not (StatusHubContract.OfficeGroup or StatusHubContract.PublicGroup);

    /// <summary>How many changed documents one <see cref="CatchUp"/> reads at most, so a client far behind costs one page per call.</summary>
    public const int MaxChangesPerCatchUp = 500;

    /// <summary>
    /// Documents the caller may see that changed after <paramref name="sincePosition"/>, in position order, one bounded page
    /// at a time: call again with the page's <c>Next</c> while <c>HasMore</c>.
    /// </summary>
    public async Task<CatchUpPage> CatchUp(long sincePosition)
    {
        if (Caller.FromPrincipal(Context.User!) is not { } caller)
        {
            throw new HubException("The token carries no usable role.");
        }

        return await queries.ChangedSinceAsync(caller, Math.Max(0, sincePosition), MaxChangesPerCatchUp, Context.ConnectionAborted);
    }

    /// <summary>The viewer a group's members are, so a push to the group is redacted for them.</summary>
    public static Viewer ViewerOf(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.StartsWith("org:", StringComparison.Ordinal) && Guid.TryParse(group.AsSpan(4), out var org))
        {
            return new Viewer(ViewerRole.Partner, Organisation: org);
        }

        if (group.StartsWith("observer:", StringComparison.Ordinal) && Guid.TryParse(group.AsSpan(9), out var observer))
        {
            return new Viewer(ViewerRole.Observer, Observer: observer);
        }

        return Viewer.Public;
    }

    /// <summary>The groups a caller belongs to, decided from its claims alone.</summary>
    public static IReadOnlyList<string> GroupsOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            // Office connections get every document whole through "office"; in "public" they would also get redacted copies.
            CallerRole.Office or CallerRole.Auditor => [StatusHubContract.OfficeGroup],
            CallerRole.Partner when caller.Organisation is { } org => [StatusHubContract.OrganisationGroup(org.Value), StatusHubContract.PublicGroup],
            CallerRole.Observer when caller.Observer is { } observer => [StatusHubContract.ObserverGroup(observer.Value), StatusHubContract.PublicGroup],
            _ => [StatusHubContract.PublicGroup],
        };
    }
}
