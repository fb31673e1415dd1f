using System.Collections.Concurrent;

namespace Collaboration.Api.Live;

/// <summary>
/// Which of this node's status-hub connections belong to each specific audience group (<c>org:…</c>, <c>observer:…</c>),
/// so that a document pushed to <c>public</c> and to such a group reaches each member once — as that group sees it —
/// instead of twice. Only connections held by this node are known: a connection on another node (Redis backplane) is not
/// excluded and still gets both copies, the more specific last, as before. Membership is added right after the
/// connection joined the group and before it joins <c>public</c>, and removed on disconnect.
/// </summary>
public sealed class AudienceMembers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> members = new(StringComparer.Ordinal);

    public void Add(string group, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(connectionId);
        members.GetOrAdd(group, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[connectionId] = 0;
    }

    public void Remove(string group, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(connectionId);
        if (members.TryGetValue(group, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            // An emptied group's entry stays: a partner's dashboards come and go, and the district has tens of groups.
        }
    }

    /// <summary>This node's connections in any of <paramref name="groups"/>; empty when none.</summary>
    public IReadOnlyList<string> Of(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        List<string>? found = null;
        foreach (var group in groups)
        {
            if (members.TryGetValue(group, out var connections) && !connections.IsEmpty)
            {
                found ??= [];
                found.AddRange(connections.Keys);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }
}
