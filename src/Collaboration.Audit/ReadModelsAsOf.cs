using System.Text.Json.Nodes;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Overview;
using Collaboration.Projections.Running;
using Collaboration.Projections.TalentCaseQueue;

namespace Collaboration.Audit;

/// <summary>
/// Any read model as of a moment, computed by the projections' own code (<see cref="ProjectionReplayer"/>) over the
/// log up to that moment — no separate "historical" logic that could drift from the live views. The log is streamed,
/// never held; only the replayed documents are kept in memory. A memorandum's progress document only depends on the
/// memorandum's stream and its commitments' streams, so with <see cref="MemorandumCommitments"/> it is replayed over
/// those alone (then <c>AsOfPosition</c> is the last position among them).
/// </summary>
public sealed class ReadModelsAsOf(IEventStore store, EventSerializer serializer, MemorandumCommitments? commitmentsOf = null)
{
    /// <summary>The names of the stored read models (<c>ReadModels.All()</c>).</summary>
    public static IReadOnlyList<string> ViewNamesKnown { get; } = [.. ReadModels.All().Select(p => p.Name)];

    public static bool IsKnown(string view) => ViewNamesKnown.Contains(view, StringComparer.Ordinal);

    /// <summary>Replays the named read models (all when null) up to <paramref name="asOf"/> (the whole log when null).</summary>
    public Task<InMemoryViewStore> ReplayAsync(DateTimeOffset? asOf, IReadOnlyCollection<string>? views = null, CancellationToken ct = default)
    {
        var projections = ReadModels.All().Where(p => views is null || views.Contains(p.Name)).ToList();
        return ProjectionReplayer.ReplayAsync(projections, store.ReadAllAsync(ct: ct), serializer, asOf: asOf, ct: ct);
    }

    /// <summary>One document as of a moment; null when the view is unknown or the document did not exist then.</summary>
    public async Task<ViewDocumentAsOf?> DocumentAsync(string view, string key, DateTimeOffset? asOf, CancellationToken ct = default)
    {
        if (!IsKnown(view))
        {
            return null;
        }

        var replayed = view == MemorandumProgressProjection.ViewName && commitmentsOf is not null && Guid.TryParse(key, out var memorandum)
            ? await ReplayMemorandumAsync(MemorandumId.From(memorandum), asOf, ct)
            : await ReplayAsync(asOf, [view], ct);
        return await replayed.GetAsync(view, key, ct) is { } stored
            ? new ViewDocumentAsOf(view, key, asOf, replayed.Position, stored.Position, JsonNode.Parse(stored.Json!))
            : null;
    }

    private async Task<InMemoryViewStore> ReplayMemorandumAsync(MemorandumId memorandum, DateTimeOffset? asOf, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        foreach (var stream in (await commitmentsOf!.StreamsAsync(memorandum, asOf, ct)).Prepend(MemorandumDecider.StreamName(memorandum)))
        {
            await foreach (var e in store.ReadStreamAsync(stream, ct: ct))
            {
                if (asOf is { } at && e.Timestamp > at)
                {
                    break;
                }

                events.Add(e);
            }
        }

        // The projection must see the streams interleaved in log order, as the live runner does.
        events.Sort((a, b) => a.Position.CompareTo(b.Position));
        return await ProjectionReplayer.ReplayAsync([new MemorandumProgressProjection()], events.ToAsyncEnumerable(), serializer, asOf: asOf, ct: ct);
    }

    /// <summary>Every document of a view as of a moment, ordered by key; null when the view is unknown.</summary>
    public async Task<IReadOnlyList<StoredView>?> ListAsync(string view, DateTimeOffset? asOf, CancellationToken ct = default) =>
        IsKnown(view) ? await (await ReplayAsync(asOf, [view], ct)).ListAsync(view, null, ct) : null;

    /// <summary>The district overview composed exactly as the live endpoint composes it, over documents replayed to the moment.</summary>
    public async Task<DistrictOverviewAsOf> OverviewAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        string[] views = [PartnersProjection.ViewName, MemorandaProjection.ViewName, CommitmentDetailProjection.ViewName, TalentCaseQueueProjection.ViewName, FeedbackBoardProjection.ViewName];
        var replayed = await ReplayAsync(asOf, views, ct);
        async Task<List<T>> ListAsync<T>(string name) => [.. (await replayed.ListAsync(name, null, ct)).Select(s => ViewJson.Deserialize<T>(s.Json!)!)];
        var overview = DistrictOverview.Compose(
            DistrictTime.DateOf(asOf),
            await ListAsync<PartnerListItem>(PartnersProjection.ViewName),
            await ListAsync<MemorandumListItem>(MemorandaProjection.ViewName),
            await ListAsync<CommitmentDetail>(CommitmentDetailProjection.ViewName),
            await ListAsync<TalentCaseView>(TalentCaseQueueProjection.ViewName),
            await ListAsync<FeedbackView>(FeedbackBoardProjection.ViewName));
        return new DistrictOverviewAsOf(asOf, replayed.Position, overview);
    }
}
