namespace Collaboration.Domain.Commitments;

/// <summary>
/// Approved progress: the latest approved percent, floored at the sum of completed milestones'
/// shares. The floor exists because a done milestone is a verified fact, while a later report may
/// be conservative or wrong; counting below the milestones would contradict the record.
/// </summary>
public static class CommitmentProgress
{
    /// <summary>The pure rule: max(latest approved or 0, completed share), capped at 100.</summary>
    public static decimal Approved(decimal? latestApprovedPercent, decimal completedMilestoneShare) =>
        Math.Min(100m, Math.Max(latestApprovedPercent ?? 0m, completedMilestoneShare));

    /// <summary>Approved progress of a commitment; a completed commitment counts as 100.</summary>
    public static decimal Approved(CommitmentState state) => state switch
    {
        CompletedCommitment => 100m,
        ExistingCommitment existing => Approved(LatestApproved(existing.File), CompletedShare(existing.File)),
        _ => 0m,
    };

    public static decimal CompletedShare(CommitmentFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // A loop, not Where/Sum: read models ask this for every day they test for risk whenever a commitment is written.
        var share = 0m;
        foreach (var milestone in file.Milestones)
        {
            if (milestone.IsDone)
            {
                share += milestone.Share;
            }
        }

        return share;
    }

    /// <summary>
    /// The last approved report in submission order. Reports are reviewed one at a time, so this is
    /// also the office's most recent judgement, which wins even when it is lower than an earlier one.
    /// </summary>
    public static decimal? LatestApproved(CommitmentFile file) =>
        file.Reports.FindLast(r => r.Status == ProgressReportStatus.Approved)?.Percent;

    public static IReadOnlyList<ApprovedProgressPoint> History(CommitmentFile file) =>
        [.. file.Reports
            .Where(r => r.Status == ProgressReportStatus.Approved)
            .Select(r => new ApprovedProgressPoint(r.Id, r.Percent, r.AsOf, r.ReviewedOn ?? r.SubmittedOn))];
}
