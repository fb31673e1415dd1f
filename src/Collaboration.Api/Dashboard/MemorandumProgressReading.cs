using Collaboration.Domain.Commitments;
using Collaboration.Projections.CommitmentDetails;

namespace Collaboration.Api.Dashboard;

/// <summary>One point of the memorandum's completion chart.</summary>
public sealed record CompletionPoint(DateOnly On, decimal Completion);

/// <summary>The completion-over-time series of a memorandum, from its commitments' approved history.</summary>
public static class MemorandumProgressReading
{
    /// <summary>
    /// Weighted completion on each day something was approved or completed, with the report's roll-up rules
    /// (only accepted and completed commitments count; a completed milestone's share is a floor; completed = 100).
    /// </summary>
    public static IReadOnlyList<CompletionPoint> CompletionOverTime(IEnumerable<CommitmentDetail> details, DateOnly today)
    {
        var counted = details.Where(d => d.Commitment.Stage is CommitmentStage.Accepted or CommitmentStage.Completed).ToList();
        var weight = counted.Sum(d => d.Commitment.Weight);
        if (weight <= 0m)
        {
            return [];
        }

        var days = counted
            .SelectMany(d => d.Commitment.ApprovedHistory.Select(p => p.ApprovedOn)
                .Concat(d.Commitment.Milestones.Where(m => m.CompletedOn is not null).Select(m => m.CompletedOn!.Value))
                .Append(d.CompletedOn ?? today)
                .Append(d.AcceptedOn ?? d.Commitment.ProposedOn))
            .Append(today)
            .Where(day => day <= today)
            .Distinct()
            .Order();
        return [.. days.Select(day => new CompletionPoint(day, Math.Round(counted.Sum(d => d.Commitment.Weight * ProgressOn(d, day)) / weight, 1)))];
    }

    private static decimal ProgressOn(CommitmentDetail detail, DateOnly day)
    {
        if (detail.CompletedOn is { } completed && completed <= day)
        {
            return 100m;
        }

        // The history is in approval order, so the last one approved by that day is the figure then in force.
        var latest = detail.Commitment.ApprovedHistory.LastOrDefault(p => p.ApprovedOn <= day)?.Percent;
        var share = detail.Commitment.Milestones.Where(m => m.CompletedOn is { } on && on <= day).Sum(m => m.Share);
        return CommitmentProgress.Approved(latest, share);
    }
}
