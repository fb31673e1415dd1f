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
/// A memorandum's progress on <see cref="Today"/>. Roll-up rules: cancelled commitments and proposals the office has
/// not accepted are left out of the weighted completion (they are not part of the agreed plan); each remaining
/// commitment counts with its weight and its approved progress, which already includes completed milestones' shares
/// (the domain floors a report at them) and is 100 once completed. No weight → 0.
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
    IReadOnlyList<CommitmentLine> Commitments)
{
    /// <summary>How many upcoming due dates the report lists.</summary>
    public const int NextDueCount = 5;

    public static MemorandumProgressReport On(MemorandumProgressDocument document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = document.Commitments.Select(c => CommitmentLine.Of(c, today)).ToList();
        return new(
            document.Memorandum,
            document.Title,
            document.Status,
            today,
            document.Parties,
            WeightedCompletionOf(lines),
            lines.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()),
            [.. lines.Where(l => l.Status == CommitmentStatus.Overdue).OrderBy(l => l.DueDate)],
            [.. lines.Where(l => l.NextDueDate is { } d && d >= today).OrderBy(l => l.NextDueDate).Take(NextDueCount)],
            [.. lines.GroupBy(l => l.FocusArea).OrderBy(g => g.Key).Select(g => Group(g.Key.ToString(), g))],
            [.. lines.GroupBy(l => l.Owner).OrderBy(g => g.Key.Value).Select(g => Group(g.Key.ToString(), g))],
            lines);
    }

    public static bool CountsTowardsCompletion(CommitmentLine line) =>
        line?.Stage is CommitmentStage.Accepted or CommitmentStage.Completed;

    public static decimal WeightedCompletionOf(IEnumerable<CommitmentLine> lines)
    {
        var counted = lines.Where(CountsTowardsCompletion).ToList();
        var weight = counted.Sum(l => l.Weight);
        return weight <= 0m ? 0m : Math.Round(counted.Sum(l => l.Weight * l.ApprovedProgress) / weight, 2);
    }

    private static GroupProgress Group(string name, IEnumerable<CommitmentLine> lines)
    {
        var list = lines.ToList();
        return new(name, list.Count, WeightedCompletionOf(list), list.Count(l => l.Status == CommitmentStatus.Overdue));
    }
}
