using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Projections.CommitmentDetails;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>One commitment as a progress line on a given day.</summary>
public sealed record CommitmentLine(
    CommitmentId Id,
    MemorandumId Memorandum,
    PartnerId Owner,
    FocusArea FocusArea,
    BilingualText Description,
    CommitmentStage Stage,
    CommitmentStatus Status,
    decimal Weight,
    decimal ApprovedProgress,
    DateOnly DueDate,
    DateOnly? NextDueDate)
{
    public static CommitmentLine Of(CommitmentDetail detail, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var c = detail.Commitment;
        return new(c.Id, c.Memorandum, c.Owner, c.FocusArea, c.Description, c.Stage, detail.StatusOn(today), c.Weight, c.ApprovedProgress, c.DueDate, detail.NextDueDate);
    }
}

/// <summary>Completion of a group of commitments (a focus area or a party).</summary>
public sealed record GroupProgress(string Group, int Commitments, decimal WeightedCompletion, int Overdue);

/// <summary>
/// The first of a memorandum's commitments in due-date order (at most <see cref="MemorandumProgressReport.Shown"/>), how many
/// there are, and the paged list that holds every one of them (<paramref name="List"/>).
/// </summary>
public sealed record CommitmentExcerpt(IReadOnlyList<CommitmentLine> First, long Total, string List);

/// <summary>
/// A memorandum's progress on <see cref="Today"/>. Roll-up rules: cancelled commitments and proposals the office has
/// not accepted are left out of the weighted completion (they are not part of the agreed plan); each remaining
/// commitment counts with its weight and its approved progress, which already includes completed milestones' shares
/// (the domain floors a report at them) and is 100 once completed. No weight → 0. Bounded however many commitments
/// the memorandum has: the overdue ones and the commitments are listed due first, <see cref="Shown"/> at most, and
/// counted in full (<see cref="ByStatus"/>, <see cref="CommitmentExcerpt.Total"/>).
/// </summary>
public sealed record MemorandumProgressReport(
    MemorandumId Memorandum,
    BilingualText? Title,
    MemorandumStatus? Status,
    DateOnly Today,
    IReadOnlyList<MemorandumParty> Parties,
    decimal WeightedCompletion,
    IReadOnlyDictionary<CommitmentStatus, int> ByStatus,
    IReadOnlyList<CommitmentLine> Overdue,
    IReadOnlyList<CommitmentLine> NextDue,
    IReadOnlyList<GroupProgress> ByFocusArea,
    IReadOnlyList<GroupProgress> ByParty,
    CommitmentExcerpt Commitments)
{
    /// <summary>How many upcoming due dates the report lists.</summary>
    public const int NextDueCount = 5;

    /// <summary>At most this many overdue commitments, and this many commitments, are listed.</summary>
    public const int Shown = 100;

    /// <summary>The paged list of every commitment under <paramref name="memorandum"/>, for whoever may see its progress.</summary>
    public static string ListOf(MemorandumId memorandum) => $"/api/v1/memoranda/{memorandum.Value:D}/commitments";

    /// <summary>
    /// The rule, in memory: the report of <paramref name="header"/> and every commitment under it. The view store composes
    /// the same report without reading the commitments (<see cref="MemorandumProgressComposition"/>); tests hold the two to
    /// the same figures, and the audit's replays use this one.
    /// </summary>
    public static MemorandumProgressReport On(MemorandumProgressDocument header, IEnumerable<CommitmentDetail> details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(details);
        var lines = details.Select(c => CommitmentLine.Of(c, today)).OrderBy(l => l.DueDate).ThenBy(l => Key(l.Id), StringComparer.Ordinal).ToList();
        return new(
            header.Memorandum,
            header.Title,
            header.Status,
            today,
            header.Parties,
            WeightedCompletionOf(lines),
            lines.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()),
            [.. lines.Where(l => l.Status == CommitmentStatus.Overdue).Take(Shown)],
            [.. lines.Where(l => l.NextDueDate is { } d && d >= today).OrderBy(l => l.NextDueDate).ThenBy(l => Key(l.Id), StringComparer.Ordinal).Take(NextDueCount)],
            [.. lines.GroupBy(l => l.FocusArea).OrderBy(g => g.Key).Select(g => Group(g.Key.ToString(), g))],
            [.. lines.GroupBy(l => l.Owner).OrderBy(g => g.Key.Value).Select(g => Group(g.Key.ToString(), g))],
            new CommitmentExcerpt([.. lines.Take(Shown)], lines.Count, ListOf(header.Memorandum)));
    }

    public static bool CountsTowardsCompletion(CommitmentLine line) => line is not null && CountsTowardsCompletion(line.Stage);

    /// <summary>Accepted and completed commitments count; proposals not accepted and cancelled ones are not in the plan.</summary>
    public static bool CountsTowardsCompletion(CommitmentStage stage) => stage is CommitmentStage.Accepted or CommitmentStage.Completed;

    public static decimal WeightedCompletionOf(IEnumerable<CommitmentLine> lines)
    {
        var counted = lines.Where(CountsTowardsCompletion).ToList();
        return CompletionOf(counted.Sum(l => l.Weight), counted.Sum(l => l.Weight * l.ApprovedProgress));
    }

    /// <summary>Weight times approved progress over weight, to two places; no weight → 0.</summary>
    public static decimal CompletionOf(decimal weight, decimal weighted) => weight <= 0m ? 0m : Math.Round(weighted / weight, 2);

    private static string Key(CommitmentId id) => id.Value.ToString("D");

    private static GroupProgress Group(string name, IEnumerable<CommitmentLine> lines)
    {
        var list = lines.ToList();
        return new(name, list.Count, WeightedCompletionOf(list), list.Count(l => l.Status == CommitmentStatus.Overdue));
    }
}
