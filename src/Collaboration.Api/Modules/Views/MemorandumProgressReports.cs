using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Collaboration.Api.Application;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Live;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// A memorandum's progress as every read path gets it (the API, its spreadsheet, the dashboard, the public portal): the
/// header (<c>memorandum-progress</c>) through the visibility policy for the caller — who may not see the memorandum gets
/// nothing — then the report the view store composes from the commitments under it
/// (<see cref="MemorandumProgressComposition"/>). The commitments are part of the memorandum's progress: whoever the policy
/// shows the memorandum sees their lines, which carry approved figures only (no report's text).
/// <para>
/// The last report composed for each memorandum is kept, with its JSON body, while the views it comes from are where they
/// were (<see cref="IViewQueries.StampAsync"/>, read before the documents) and the day is the same: a memorandum's progress
/// is read far more often than its commitments change. The figures do not depend on the reader; a header redacted for one
/// viewer takes the kept figures with its own header fields, and only a report of the header as stored keeps its body.
/// </para>
/// </summary>
public sealed class MemorandumProgressReports(
    IViewReader reader, IViewQueries queries, RecentStoredDocuments recent, DocumentVisibility documents, IOptions<JsonOptions> json, TimeProvider time)
{
    // A district has a handful of memoranda; the bound only keeps unknown keys from growing the map.
    private const int Capacity = 256;

    private static readonly string[] Views = [ViewNames.MemorandumProgress, ViewNames.MemorandumLine];
    private static readonly string[] ChartViews = [ViewNames.CommitmentDetail];

    private readonly Lock gate = new();
    private readonly Dictionary<MemorandumId, Entry> entries = [];
    private readonly Dictionary<MemorandumId, (string Stamp, DateOnly Today, Task<Entry> Running)> composing = [];
    private readonly Dictionary<MemorandumId, (string Stamp, DateOnly Today, IReadOnlyList<CompletionPoint> Points)> charts = [];

    /// <summary>The memorandum's header as <paramref name="caller"/> may see it; null when the caller may not see the memorandum.</summary>
    public async Task<MemorandumProgressDocument?> HeaderAsync(Caller caller, MemorandumId memorandum, CancellationToken ct = default) =>
        (await ShownAsync(caller, memorandum, ct)).Header;

    /// <summary>The memorandum's progress on <paramref name="today"/> and its JSON body; null when the caller may not see the memorandum.</summary>
    public async Task<(MemorandumProgressReport Report, PreparedJson Json)?> ReadAsync(Caller caller, MemorandumId memorandum, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Marks of what this node heard first, then the store's stamp only when they moved or went stale: a report kept is
        // served with no store read while nothing was heard to change (RecentStoredDocuments.Freshness bounds the rest).
        var marks = Marks();
        var now = time.GetTimestamp();
        Entry? kept;
        lock (gate)
        {
            entries.TryGetValue(memorandum, out kept);
        }

        var fresh = kept is not null && kept.Marks == marks && time.GetElapsedTime(kept.CheckedAt, now) < RecentStoredDocuments.Freshness;
        var stamp = fresh ? kept!.Stamp : await queries.StampAsync(Views, ct);
        var (header, unredacted) = await ShownAsync(caller, memorandum, ct);
        if (header is null)
        {
            return null;
        }

        if (kept is null || stamp is null || kept.Stamp != stamp || kept.Today != today)
        {
            kept = await ComposedAsync(memorandum, header, unredacted, today, stamp, marks, now, ct);
        }
        else if (!fresh)
        {
            kept = Keep(memorandum, kept with { Marks = marks, CheckedAt = now });
        }

        if (unredacted && kept.FromStored)
        {
            return (kept.Report, kept.Json);
        }

        var report = kept.Report with { Title = header.Title, Status = header.Status, Parties = header.Parties };
        if (unredacted && stamp is not null)
        {
            // Composed for a reader shown a redacted header: the stored header's report is kept from now on.
            kept = Keep(memorandum, kept with { Report = report, Json = Body(report), FromStored = true });
            return (kept.Report, kept.Json);
        }

        return (report, Body(report));
    }

    /// <summary>
    /// Every commitment's detail under a memorandum whose header the caller was shown (<paramref name="header"/>), due first,
    /// a page at a time: for the completion chart, which reads each one's approved history.
    /// </summary>
    private async IAsyncEnumerable<CommitmentDetail> CommitmentsAsync(MemorandumProgressDocument header, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ViewPageQuery? query = MemorandumProgressComposition.Details(header.Memorandum, 500);
        while (query is not null)
        {
            var page = await reader.PageAsync(query, ct);
            foreach (var item in page.Items)
            {
                yield return ViewJson.Deserialize<CommitmentDetail>(item.Json!)!;
            }

            query = page.Next is { } next ? query with { After = next } : null;
        }
    }

    /// <summary>
    /// The completion chart of a memorandum whose header the caller was shown: from every commitment's approved history, so
    /// it reads them all; kept like the report while its views stand where they were.
    /// </summary>
    public async Task<IReadOnlyList<CompletionPoint>> CompletionOverTimeAsync(MemorandumProgressDocument header, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        var stamp = await queries.StampAsync(ChartViews, ct);
        lock (gate)
        {
            if (stamp is not null && charts.TryGetValue(header.Memorandum, out var kept) && kept.Stamp == stamp && kept.Today == today)
            {
                return kept.Points;
            }
        }

        var details = new List<CommitmentDetail>();
        await foreach (var detail in CommitmentsAsync(header, ct))
        {
            details.Add(detail);
        }

        var points = MemorandumProgressReading.CompletionOverTime(details, today);
        if (stamp is not null)
        {
            lock (gate)
            {
                if (charts.Count >= Capacity && !charts.ContainsKey(header.Memorandum))
                {
                    charts.Clear();
                }

                charts[header.Memorandum] = (stamp, today, points);
            }
        }

        return points;
    }

    /// <summary>
    /// One composition per memorandum, views' stamp and day at a time: readers arriving while it runs share it (after a
    /// change, every reader would otherwise compose the same report at once). The figures do not depend on the reader;
    /// the header's fields are each reader's own (<see cref="ReadAsync"/>).
    /// </summary>
    private async Task<Entry> ComposedAsync(
        MemorandumId memorandum, MemorandumProgressDocument header, bool unredacted, DateOnly today, string? stamp, (long, long, long) marks, long now, CancellationToken ct)
    {
        Task<Entry> running;
        lock (gate)
        {
            if (stamp is not null && composing.TryGetValue(memorandum, out var known) && known.Stamp == stamp && known.Today == today)
            {
                running = known.Running;
            }
            else
            {
                // Not the first reader's token: the others wait on the same composition.
                running = Task.Run(
                    async () =>
                    {
                        var report = await MemorandumProgressComposition.ComposeAsync(reader, header, today, CancellationToken.None);
                        return new Entry(stamp ?? "", marks, now, today, report, Body(report), unredacted);
                    },
                    CancellationToken.None);
                if (stamp is not null)
                {
                    composing[memorandum] = (stamp, today, running);
                }
            }
        }

        try
        {
            var entry = await running.WaitAsync(ct);
            if (stamp is not null)
            {
                lock (gate)
                {
                    if (!entries.TryGetValue(memorandum, out var current) || current.Stamp != stamp || current.Today != today)
                    {
                        entry = KeepLocked(memorandum, entry);
                    }
                    else
                    {
                        entry = current;
                    }
                }
            }

            return entry;
        }
        finally
        {
            if (running.IsCompleted)
            {
                lock (gate)
                {
                    if (composing.TryGetValue(memorandum, out var known) && known.Running == running)
                    {
                        composing.Remove(memorandum);
                    }
                }
            }
        }
    }

    private Entry Keep(MemorandumId memorandum, Entry entry)
    {
        lock (gate)
        {
            return KeepLocked(memorandum, entry);
        }
    }

    private Entry KeepLocked(MemorandumId memorandum, Entry entry)
    {
        if (entries.Count >= Capacity && !entries.ContainsKey(memorandum))
        {
            entries.Clear();
        }

        entries[memorandum] = entry;
        return entry;
    }

    private async Task<(MemorandumProgressDocument? Header, bool Unredacted)> ShownAsync(Caller caller, MemorandumId memorandum, CancellationToken ct)
    {
        var stored = await recent.GetAsync(reader, ViewNames.MemorandumProgress, memorandum.ToString(), ct);
        var header = documents.ShowTyped<MemorandumProgressDocument>(caller.ToViewer(), stored, out var unredacted);
        // A header without a title is a party added to a memorandum not yet drafted in this view: nothing to show.
        return header is { Title: not null } ? (header, unredacted) : (null, false);
    }

    private PreparedJson Body(MemorandumProgressReport report) =>
        PreparedJson.Of(report, (JsonTypeInfo<MemorandumProgressReport>)json.Value.SerializerOptions.GetTypeInfo(typeof(MemorandumProgressReport)));

    private (long Epoch, long Headers, long Lines) Marks()
    {
        var headers = recent.MarkOf(ViewNames.MemorandumProgress);
        return (headers.Epoch, headers.Heard, recent.MarkOf(ViewNames.MemorandumLine).Heard);
    }

    /// <summary>A report composed under <paramref name="Stamp"/>; <paramref name="FromStored"/>: from the header as stored, not one redacted for a reader.</summary>
    private sealed record Entry(string Stamp, (long Epoch, long Headers, long Lines) Marks, long CheckedAt, DateOnly Today, MemorandumProgressReport Report, PreparedJson Json, bool FromStored);
}
