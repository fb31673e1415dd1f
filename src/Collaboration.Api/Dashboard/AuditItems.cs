using System.Globalization;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;

namespace Collaboration.Api.Dashboard;

/// <summary>An item whose history the audit page can show: its stream and a name a person recognises.</summary>
public sealed record AuditItem(string Stream, string Module, BilingualText Name);

/// <summary>
/// The items the audit page offers in its pickers, named from each stream's first event. Only first events are read
/// (one per stream), never whole histories. A talent case is named by its service, not by the person: the picker
/// must not become a list of names, and an erased person's details read as "[erased]" anyway.
/// </summary>
public static class AuditItems
{
    public static readonly StreamFamily[] Families = [StreamCatalogue.Memoranda, StreamCatalogue.Commitments, StreamCatalogue.TalentCases, StreamCatalogue.Feedback];

    public static async Task<IReadOnlyList<AuditItem>> ListAsync(IEventStore store, EventSerializer serializer, DashboardLabels en, DashboardLabels zh, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(en);
        ArgumentNullException.ThrowIfNull(zh);
        var items = new List<AuditItem>();
        foreach (var prefix in Families.Select(f => f.Prefix))
        {
            await foreach (var start in store.ReadStreamStartsAsync(prefix, ct))
            {
                var tail = start.Stream[prefix.Length..];
                var shortId = tail.Length > 8 ? tail[..8] : tail;
                BilingualText name = serializer.Deserialize(start) switch
                {
                    MemorandumDrafted d => d.Title,
                    CommitmentProposed c => c.Description,
                    FeedbackSubmitted f => f.Topic,
                    TalentCaseOpened t => new(
                        string.Create(CultureInfo.InvariantCulture, $"{zh.Value(t.Service.ToString())} · {shortId}"),
                        string.Create(CultureInfo.InvariantCulture, $"{en.Value(t.Service.ToString())} · {shortId}")),
                    _ => new(start.Stream, start.Stream),
                };
                items.Add(new AuditItem(start.Stream, prefix.TrimEnd('-'), name));
            }
        }

        return items;
    }
}
