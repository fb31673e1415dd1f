using System.Globalization;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// A memorandum's progress report composed by the view store from its header and its lines (<c>memorandum-line</c>, one
/// small document per commitment), without reading them all: one pass that tallies the lines per focus area, owner and
/// stage (counts and sums) in the class of their status on the day — overdue, at risk, not started, on track, the rest;
/// the statuses are comparisons on the days the lines keep (<see cref="CommitmentDayFilters"/>) — and the listed lines as
/// pages due first, every query through an index led by the memorandum. The same figures as <see cref="MemorandumProgressReport.On"/>.
/// The lines are read whole (no audience): whoever the visibility policy lets see the memorandum sees its progress, every
/// commitment line included, as the progress has always shown them; the caller decides that on the header before asking.
/// </summary>
public static class MemorandumProgressComposition
{
    private const string View = MemorandumLineProjection.ViewName;
    private const string DueDate = "dueDate";
    private const string NextDueDate = "nextDueDate";
    private const string Bucket = "bucket";

    /// <summary>Weight, and weight times approved progress, of a line: what a weighted completion divides.</summary>
    public static readonly IReadOnlyList<ViewSum> LineSums = [new ViewSum("weight"), new ViewSum("weight", Times: "approvedProgress")];

    /// <summary>The store filter for the lines under <paramref name="memorandum"/> (it seeks).</summary>
    public static ViewFilter Under(MemorandumId memorandum) => ViewFilter.Equal("memorandum", memorandum.Value.ToString("D"));

    /// <summary>The page query of the lines under <paramref name="memorandum"/>, due first, with <paramref name="filters"/> besides.</summary>
    public static ViewPageQuery Lines(MemorandumId memorandum, IEnumerable<ViewFilter> filters, int limit, string sort = DueDate) =>
        new(View, null, [Under(memorandum), .. filters], new ViewSort(sort), null, limit) { CountTotal = false };

    /// <summary>The page query of the <c>commitment-detail</c> documents under <paramref name="memorandum"/> (every report and the approved history).</summary>
    public static ViewPageQuery Details(MemorandumId memorandum, int limit) =>
        new(CommitmentDetailProjection.ViewName, null, [ViewFilter.Equal("commitment.memorandum", memorandum.Value.ToString("D"))], new ViewSort("commitment.dueDate"), null, limit)
        {
            CountTotal = false,
        };

    /// <summary>The store filters of a status (and of "overdue") on <paramref name="today"/> over the lines.</summary>
    public static IEnumerable<ViewFilter> Status(CommitmentStatus? status, bool? overdue, DateOnly today) => CommitmentDayFilters.For(status, overdue, today, "");

    public static async Task<MemorandumProgressReport> ComposeAsync(IViewReader reader, MemorandumProgressDocument header, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(header);
        var id = header.Memorandum;
        var overdue = Status(CommitmentStatus.Overdue, null, today).ToArray();
        var calm = CommitmentDayFilters.Calm(today, "").ToArray();
        // The statuses on the day are exclusive comparisons of the lines' days: one pass over the memorandum's lines puts
        // each in its class, every line in one of them, each class by bucket.
        ViewClass[] classes =
        [
            new(nameof(CommitmentStatus.Overdue), overdue),
            new(nameof(CommitmentStatus.AtRisk), [.. Status(CommitmentStatus.AtRisk, null, today)]),
            new(nameof(CommitmentStatus.NotStarted), [.. calm, ViewFilter.AnyOf("calmStatus", nameof(CommitmentStatus.NotStarted))]),
            new(nameof(CommitmentStatus.OnTrack), [.. calm, ViewFilter.AnyOf("calmStatus", nameof(CommitmentStatus.OnTrack))]),
            new("", []),
        ];
        var tallied = await reader.TallyClassesAsync(Lines(id, [], 1), classes, Bucket, LineSums, ct);
        var all = Parsed(Added(tallied.Values));
        var late = Parsed(tallied[nameof(CommitmentStatus.Overdue)]);
        long Counted(CommitmentStatus status) => tallied[status.ToString()].Values.Sum(t => t.Count);

        var byStatus = new Dictionary<CommitmentStatus, int>();
        void Add(CommitmentStatus status, long count)
        {
            if (count > 0)
            {
                byStatus[status] = checked((int)count);
            }
        }

        Add(CommitmentStatus.NotStarted, Counted(CommitmentStatus.NotStarted));
        Add(CommitmentStatus.OnTrack, Counted(CommitmentStatus.OnTrack));
        Add(CommitmentStatus.AtRisk, Counted(CommitmentStatus.AtRisk));
        Add(CommitmentStatus.Overdue, late.Sum(g => g.Tally.Count));
        Add(CommitmentStatus.Completed, all.Where(g => g.Stage == CommitmentStage.Completed).Sum(g => g.Tally.Count));
        Add(CommitmentStatus.Cancelled, all.Where(g => g.Stage == CommitmentStage.Cancelled).Sum(g => g.Tally.Count));

        return new MemorandumProgressReport(
            id,
            header.Title,
            header.Status,
            today,
            header.Parties,
            Completion(all),
            byStatus,
            await LinesAsync(reader, Lines(id, overdue, MemorandumProgressReport.Shown), today, ct),
            await LinesAsync(reader, Lines(id, [ViewFilter.NotBefore(NextDueDate, Day(today))], MemorandumProgressReport.NextDueCount, NextDueDate), today, ct),
            [.. Groups(all, late, g => g.Area).OrderBy(g => g.Key).Select(g => g.Progress)],
            [.. Groups(all, late, g => g.Owner).OrderBy(g => g.Key).Select(g => g.Progress)],
            new CommitmentExcerpt(
                await LinesAsync(reader, Lines(id, [], MemorandumProgressReport.Shown), today, ct),
                all.Sum(g => g.Tally.Count),
                MemorandumProgressReport.ListOf(id)));
    }

    /// <summary>The page's lines on <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<CommitmentLine>> LinesAsync(IViewReader reader, ViewPageQuery query, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var page = await reader.PageAsync(query, ct);
        return [.. page.Items.Select(d => ViewJson.Deserialize<MemorandumLine>(d.Json!)!.On(today))];
    }

    /// <summary>The tallies of several classes added up per group.</summary>
    private static Dictionary<string, ViewTally> Added(IEnumerable<IReadOnlyDictionary<string, ViewTally>> classes)
    {
        var added = new Dictionary<string, ViewTally>(StringComparer.Ordinal);
        foreach (var (group, tally) in classes.SelectMany(c => c))
        {
            added[group] = added.TryGetValue(group, out var before)
                ? new ViewTally(before.Count + tally.Count, [.. before.Sums.Zip(tally.Sums, (a, b) => a + b)])
                : tally;
        }

        return added;
    }

    private static List<Group> Parsed(IReadOnlyDictionary<string, ViewTally> tallies) =>
        [.. tallies.Select(t => MemorandumLine.ParseBucket(t.Key) is { } b ? new Group(b.Area, b.Owner, b.Stage, t.Value) : null).OfType<Group>()];

    private static decimal Completion(IEnumerable<Group> groups)
    {
        var counted = groups.Where(g => MemorandumProgressReport.CountsTowardsCompletion(g.Stage)).ToList();
        return MemorandumProgressReport.CompletionOf(counted.Sum(g => g.Tally.Sums[0]), counted.Sum(g => g.Tally.Sums[1]));
    }

    /// <summary>Per focus area or owner: how many commitments, how many overdue, and the weighted completion of those that count.</summary>
    private static IEnumerable<(TKey Key, GroupProgress Progress)> Groups<TKey>(List<Group> all, List<Group> late, Func<Group, TKey> by) =>
        all.GroupBy(by).Select(g => (g.Key, new GroupProgress(
            g.Key!.ToString()!,
            checked((int)g.Sum(x => x.Tally.Count)),
            Completion(g),
            checked((int)late.Where(l => EqualityComparer<TKey>.Default.Equals(by(l), g.Key)).Sum(l => l.Tally.Count)))));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Group(FocusArea Area, Guid Owner, CommitmentStage Stage, ViewTally Tally);
}
