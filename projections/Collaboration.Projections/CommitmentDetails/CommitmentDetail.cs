using System.Collections.Immutable;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;

namespace Collaboration.Projections.CommitmentDetails;

/// <summary>
/// A commitment with its milestones and approved-progress history, plus the stage dates the domain's status rules
/// need. Status is never stored: <see cref="StatusOn"/> runs the domain calculator for the day asked.
/// </summary>
public sealed record CommitmentDetail(
    CommitmentView Commitment,
    DateOnly? AcceptedOn,
    DateOnly? CompletedOn,
    DateOnly? CancelledOn,
    BilingualText? CancelReason)
{
    public static CommitmentDetail? Of(CommitmentState state) => CommitmentView.From(state) is not { } view ? null : state switch
    {
        AcceptedCommitment a => new(view, a.AcceptedOn, null, null, null),
        CompletedCommitment c => new(view, c.AcceptedOn, c.CompletedOn, null, null),
        CancelledCommitment c => new(view, null, null, c.CancelledOn, c.Reason),
        _ => new(view, null, null, null, null),
    };

    /// <summary>The domain state again, from the stored facts, so the domain's own status rules can run on it.</summary>
    public CommitmentState ToState()
    {
        var v = Commitment;
        var file = new CommitmentFile(v.Id, v.Memorandum, v.FocusArea, v.Owner, v.Description, v.DueDate, v.Weight, v.ProposedOn,
            [.. v.Milestones], [.. v.Reports]);
        return v.Stage switch
        {
            CommitmentStage.Accepted => new AcceptedCommitment(file, AcceptedOn ?? v.ProposedOn),
            CommitmentStage.Completed => new CompletedCommitment(file, AcceptedOn ?? v.ProposedOn, CompletedOn ?? v.DueDate),
            CommitmentStage.Cancelled => new CancelledCommitment(file, CancelReason ?? new BilingualText("", ""), CancelledOn ?? v.ProposedOn),
            _ => new ProposedCommitment(file),
        };
    }

    public CommitmentStatus StatusOn(DateOnly today) => CommitmentStatusCalculator.Status(ToState(), today);

    // The status moves with the calendar, but between two events only one way: not started or on track, then at risk
    // (an open milestone passes its date, or the last 30 days come with progress lagging), then overdue after the due date.
    // The days it changes are stored, so the store answers "status on a day" with comparisons of dates (ADR 0023).

    /// <summary>The last day the commitment is not overdue: its due date while open, <see cref="DateOnly.MaxValue"/> once it is closed.</summary>
    public DateOnly OpenUntil => IsOpen ? Commitment.DueDate : DateOnly.MaxValue;

    /// <summary>The first day the domain's rules call the open commitment at risk, or <see cref="DateOnly.MaxValue"/> when none before it falls due.</summary>
    public DateOnly AtRiskFrom
    {
        get
        {
            if (!IsOpen || ToState() is not ExistingCommitment state)
            {
                return DateOnly.MaxValue;
            }

            var due = Commitment.DueDate;
            // Approved progress does not change with the day: work it out once, not for each of up to 31 days.
            var approved = CommitmentProgress.Approved(state);
            var first = Commitment.Milestones.Where(m => !m.IsDone).Select(m => (DateOnly?)m.DueDate.AddDays(1)).Min();
            var windowStart = due.DayNumber - CommitmentStatusCalculator.AtRiskWindowDays;
            for (var day = DateOnly.FromDayNumber(Math.Max(windowStart, 0)); day <= due && (first is null || day < first); day = day.AddDays(1))
            {
                if (CommitmentStatusCalculator.IsAtRisk(state, day, approved))
                {
                    first = day;
                    break;
                }
            }

            return first is { } from && from <= due ? from : DateOnly.MaxValue;
        }
    }

    /// <summary>What an open commitment is while neither at risk nor overdue (<c>NotStarted</c> or <c>OnTrack</c>, not decided by the day); null once closed.</summary>
    /// <remarks>The status on the calendar's first day, when nothing can be late yet.</remarks>
    public CommitmentStatus? CalmStatus => IsOpen ? CommitmentStatusCalculator.Status(ToState(), DateOnly.MinValue) : null;

    /// <summary>The earliest open milestone's due date, else the commitment's own, while it is still open.</summary>
    public DateOnly? NextDueDate => !IsOpen
        ? null
        : Commitment.Milestones.Where(m => !m.IsDone).Select(m => (DateOnly?)m.DueDate).Min() ?? Commitment.DueDate;

    private bool IsOpen => Commitment.Stage is not (CommitmentStage.Completed or CommitmentStage.Cancelled);
}
