using System.Globalization;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// A memorandum's progress report composed by the view store from its header and the <c>commitment-detail</c> documents
/// naming it, without reading them all: the counts by status are counts on the days the details keep
/// (<see cref="CommitmentDayFilters"/>), the groups and the weighted completion are tallies, and the listed lines are
/// pages due first through an index led by the memorandum. The same figures as <see cref="MemorandumProgressReport.On"/>.
/// The commitments are read whole (every one, not through an audience): whoever the visibility policy lets see the
/// memorandum sees its progress, every commitment line included, as the progress has always shown them; the caller
/// decides that on the header before asking.
/// </summary>
public static class MemorandumProgressComposition
{
    private const string View = CommitmentDetailProjection.ViewName;
    private const string DueDate = "commitment.dueDate";
    private const string NextDueDate = "nextDueDate";
    private const string FocusAreaField = "commitment.focusArea";
    private const string OwnerField = "commitment.owner";

    /// <summary>The stages whose commitments count towards completion (<see cref="MemorandumProgressReport.CountsTowardsCompletion"/>).</summary>
    public static readonly string[] CountedStages = [nameof(CommitmentStage.Accepted), nameof(CommitmentStage.Completed)];

    /// <summary>Weight, and weight times approved progress, of a <c>commitment-detail</c> document.</summary>
    public static readonly IReadOnlyList<ViewSum> CompletionSums =
        [new ViewSum("commitment.weight"), new ViewSum("commitment.weight", Times: "commitment.approvedProgress")];

    /// <summary>The store filter for the commitments under <paramref name="memorandum"/> (it seeks).</summary>
    public static ViewFilter Under(MemorandumId memorandum) => ViewFilter.Equal("commitment.memorandum", memorandum.Value.ToString("D"));

    /// <summary>The page query of the commitments under <paramref name="memorandum"/>, due first, with <paramref name="filters"/> besides.</summary>
    public static ViewPageQuery Commitments(MemorandumId memorandum, IEnumerable<ViewFilter> filters, int limit, string sort = DueDate) =>
        new(View, null, [Under(memorandum), .. filters], new ViewSort(sort), null, limit) { CountTotal = false };

    public static async Task<MemorandumProgressReport> ComposeAsync(IViewReader reader, MemorandumProgressDocument header, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(header);
        var id = header.Memorandum;
        var overdue = CommitmentDayFilters.For(CommitmentStatus.Overdue, null, today).ToArray();

        var byStatus = new Dictionary<CommitmentStatus, int>();
        foreach (var status in Enum.GetValues<CommitmentStatus>())
        {
            if (await reader.CountAsync(Commitments(id, CommitmentDayFilters.For(status, null, today), 1) with { CountTotal = true }, ct) is var n and > 0)
            {
                byStatus[status] = checked((int)n);
            }
        }

        var (byArea, completion) = await GroupsAsync(reader, id, FocusAreaField, overdue, ct);
        var (byParty, _) = await GroupsAsync(reader, id, OwnerField, overdue, ct);
        return new MemorandumProgressReport(
            id,
            header.Title,
            header.Status,
            today,
            header.Parties,
            completion,
            byStatus,
            await LinesAsync(reader, Commitments(id, overdue, MemorandumProgressReport.Shown), today, ct),
            await LinesAsync(reader, Commitments(id, [ViewFilter.NotBefore(NextDueDate, Day(today))], MemorandumProgressReport.NextDueCount, NextDueDate), today, ct),
            [.. byArea.OrderBy(g => Enum.Parse<FocusArea>(g.Group))],
            [.. byParty.OrderBy(g => Guid.Parse(g.Group))],
            new CommitmentExcerpt(
                await LinesAsync(reader, Commitments(id, [], MemorandumProgressReport.Shown), today, ct),
                byArea.Sum(g => (long)g.Commitments),
                MemorandumProgressReport.ListOf(id)));
    }

    /// <summary>The page's commitments as lines on <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<CommitmentLine>> LinesAsync(IViewReader reader, ViewPageQuery query, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var page = await reader.PageAsync(query, ct);
        return [.. page.Items.Select(d => CommitmentLine.Of(ViewJson.Deserialize<CommitmentDetail>(d.Json!)!, today))];
    }

    /// <summary>
    /// Per value of <paramref name="field"/>: how many commitments, how many overdue, and the weighted completion of those
    /// that count; and the weighted completion of all of them (the groups together are every commitment).
    /// </summary>
    private static async Task<(List<GroupProgress> Groups, decimal Completion)> GroupsAsync(IViewReader reader, MemorandumId id, string field, ViewFilter[] overdue, CancellationToken ct)
    {
        var all = await reader.TallyAsync(Commitments(id, [], 1), field, [], ct);
        var counted = await reader.TallyAsync(Commitments(id, [ViewFilter.AnyOf("commitment.stage", CountedStages)], 1), field, CompletionSums, ct);
        var late = await reader.TallyAsync(Commitments(id, overdue, 1), field, [], ct);
        var groups = all.Select(g => new GroupProgress(
            g.Key,
            checked((int)g.Value.Count),
            counted.TryGetValue(g.Key, out var c) ? MemorandumProgressReport.CompletionOf(c.Sums[0], c.Sums[1]) : 0m,
            late.TryGetValue(g.Key, out var o) ? checked((int)o.Count) : 0)).ToList();
        var total = ViewTally.Of(counted, CompletionSums.Count, [.. counted.Keys]);
        return (groups, MemorandumProgressReport.CompletionOf(total.Sums[0], total.Sums[1]));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
