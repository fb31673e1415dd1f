namespace Collaboration.Domain.Commitments;

/// <summary>
/// Derives the status and the OGP completion level from state and the day. Nothing here is stored:
/// "overdue" depends on the clock, so a stored flag would be wrong the morning after the due date.
/// </summary>
public static class CommitmentStatusCalculator
{
    /// <summary>At risk when the due date is this close (days) and progress lags the plan.</summary>
    public const int AtRiskWindowDays = 30;

    /// <summary>How many percentage points approved progress may lag linear expected progress before the commitment is at risk.</summary>
    public const decimal AtRiskLagPoints = 25m;

    /// <summary>OGP "substantial" starts at this approved percent.</summary>
    public const decimal SubstantialThreshold = 50m;

    /// <summary>
    /// Precedence: Cancelled, Completed (terminal stages), then Overdue (due date before
    /// <paramref name="today"/>), then At risk, then Not started (nothing approved, no milestone done;
    /// this includes a proposal the office has not accepted yet), otherwise On track. The order
    /// puts the most urgent signal first: an overdue commitment is not also reported "at risk".
    /// </summary>
    public static CommitmentStatus Status(CommitmentState state, DateOnly today)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentStatus.NotStarted;
        }

        return existing switch
        {
            CancelledCommitment => CommitmentStatus.Cancelled,
            CompletedCommitment => CommitmentStatus.Completed,
            _ when existing.File.DueDate < today => CommitmentStatus.Overdue,
            _ when IsAtRisk(existing, today) => CommitmentStatus.AtRisk,
            _ when !HasStarted(existing.File) => CommitmentStatus.NotStarted,
            _ => CommitmentStatus.OnTrack,
        };
    }

    /// <summary>
    /// At risk when either an open milestone is past its due date, or the commitment's due date is
    /// within <see cref="AtRiskWindowDays"/> days and approved progress is more than
    /// <see cref="AtRiskLagPoints"/> points behind linear expected progress from the plan start
    /// (acceptance date, or proposal date while still proposed) to the due date.
    /// </summary>
    public static bool IsAtRisk(ExistingCommitment commitment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return IsAtRiskWith(commitment, today, approvedProgress: null);
    }

    /// <summary>
    /// As <see cref="IsAtRisk(ExistingCommitment, DateOnly)"/>, with the commitment's approved progress (which does not
    /// depend on the day) already known: for callers asking about many days of one state, such as a read model finding
    /// the first day it is at risk whenever it is written.
    /// </summary>
    public static bool IsAtRisk(ExistingCommitment commitment, DateOnly today, decimal approvedProgress)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return IsAtRiskWith(commitment, today, approvedProgress);
    }

    // Approved progress is worked out only when the day is inside the window, unless the caller knows it already.
    private static bool IsAtRiskWith(ExistingCommitment commitment, DateOnly today, decimal? approvedProgress)
    {
        var file = commitment.File;
        foreach (var milestone in file.Milestones)
        {
            if (!milestone.IsDone && milestone.DueDate < today)
            {
                return true;
            }
        }

        if (today < file.DueDate.AddDays(-AtRiskWindowDays))
        {
            return false;
        }

        var expected = ExpectedProgress(PlanStart(commitment), file.DueDate, today);
        return expected - (approvedProgress ?? CommitmentProgress.Approved(commitment)) > AtRiskLagPoints;
    }

    /// <summary>Linear plan: 0 % on <paramref name="start"/>, 100 % on <paramref name="due"/>, clamped.</summary>
    public static decimal ExpectedProgress(DateOnly start, DateOnly due, DateOnly today)
    {
        var total = due.DayNumber - start.DayNumber;
        if (total <= 0)
        {
            return today >= due ? 100m : 0m;
        }

        var elapsed = Math.Clamp(today.DayNumber - start.DayNumber, 0, total);
        return 100m * elapsed / total;
    }

    /// <summary>
    /// NotStarted at 0 %, Limited above 0 and below 50, Substantial from 50 up to (and including) an
    /// approved 100 % that the office has not yet declared complete, Complete only for a completed
    /// commitment. A cancelled commitment keeps the level its approved progress reached.
    /// </summary>
    public static OgpCompletion OgpCompletion(CommitmentState state)
    {
        if (state is CompletedCommitment)
        {
            return Commitments.OgpCompletion.Complete;
        }

        var progress = CommitmentProgress.Approved(state);
        return progress switch
        {
            <= 0m => Commitments.OgpCompletion.NotStarted,
            < SubstantialThreshold => Commitments.OgpCompletion.Limited,
            _ => Commitments.OgpCompletion.Substantial,
        };
    }

    private static bool HasStarted(CommitmentFile file) =>
        CommitmentProgress.Approved(CommitmentProgress.LatestApproved(file), CommitmentProgress.CompletedShare(file)) > 0m
        || file.Milestones.Exists(m => m.IsDone);

    private static DateOnly PlanStart(ExistingCommitment commitment) => commitment switch
    {
        AcceptedCommitment accepted => accepted.AcceptedOn,
        CompletedCommitment completed => completed.AcceptedOn,
        _ => commitment.File.ProposedOn,
    };
}
