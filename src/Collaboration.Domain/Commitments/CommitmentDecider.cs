using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A commitment (承诺事项) under a signed memorandum: proposed by or for one party, accepted by the
/// office, tracked through milestones and reviewed progress reports, then completed or cancelled.
/// Checks run in a fixed order — stage, actor, memorandum, then inputs — so a caller who may not
/// act learns that before being told their input is wrong.
/// </summary>
public sealed class CommitmentDecider : IDecider<CommitmentState, ICommitmentCommand, ICommitmentEvent>
{
    public static CommitmentState Initial => NoCommitment.Instance;

    /// <summary>
    /// More milestones than any real plan has. Every command on a commitment folds its whole stream, so without a ceiling
    /// one caller could make each later request on it slower without end.
    /// </summary>
    public const int MaxMilestones = 200;

    /// <summary>Weekly reports for twenty years, returned ones included; the ceiling exists for the same reason as <see cref="MaxMilestones"/>.</summary>
    public const int MaxProgressReports = 1_000;

    public static string StreamName(CommitmentId id) => StreamCatalogue.Commitments.StreamOf(id.Value);

    public static Decision<ICommitmentEvent> Decide(ICommitmentCommand command, CommitmentState state) => command switch
    {
        ProposeCommitment c => Propose(c, state),
        AcceptCommitment c => Accept(c, state),
        AddMilestone c => AddMilestone(c, state),
        RescheduleMilestone c => Reschedule(c, state),
        CompleteMilestone c => CompleteMilestone(c, state),
        SubmitProgressReport c => Submit(c, state),
        ApproveProgressReport c => Approve(c, state),
        ReturnProgressReport c => Return(c, state),
        CompleteCommitment c => Complete(c, state),
        CancelCommitment c => Cancel(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown commitment command."),
    };

    public static CommitmentState Evolve(CommitmentState state, ICommitmentEvent @event) => (state, @event) switch
    {
        (NoCommitment, CommitmentProposed e) => new ProposedCommitment(new CommitmentFile(
            e.Commitment, e.Memorandum, e.FocusArea, e.Owner, e.Description, e.DueDate, e.Weight, e.ProposedOn, [], [])
        {
            ExternalReference = e.ExternalReference,
        }),
        (ProposedCommitment s, CommitmentAccepted e) => new AcceptedCommitment(s.File, e.AcceptedOn),
        (AcceptedCommitment s, CommitmentCompleted e) => new CompletedCommitment(s.File, s.AcceptedOn, e.CompletedOn),
        (ExistingCommitment s, CommitmentCancelled e) => new CancelledCommitment(s.File, e.Reason, e.CancelledOn),
        (ExistingCommitment s, MilestoneAdded e) => WithFile(s, s.File with
        {
            Milestones = s.File.Milestones.Add(new Milestone(e.Milestone, e.Title, e.DueDate, e.Share, MilestoneStatus.Open, null, 0)),
        }),
        (ExistingCommitment s, MilestoneRescheduled e) => WithFile(s, s.File.UpdateMilestone(
            e.Milestone, m => m with { DueDate = e.NewDueDate, Reschedules = m.Reschedules + 1 })),
        (ExistingCommitment s, MilestoneCompleted e) => WithFile(s, s.File.UpdateMilestone(
            e.Milestone, m => m with { Status = MilestoneStatus.Done, CompletedOn = e.CompletedOn })),
        (ExistingCommitment s, CommitmentProgressReported e) => WithFile(s, s.File with
        {
            Reports = s.File.Reports.Add(new ProgressReport(
                e.Report, e.Percent, e.Narrative, e.AsOf, e.SubmittedBy, Day(e.At), ProgressReportStatus.Submitted, null, null)),
        }),
        (ExistingCommitment s, ProgressReportApproved e) => WithFile(s, s.File.UpdateReport(
            e.Report, r => r with { Status = ProgressReportStatus.Approved, ReviewedOn = e.ApprovedOn })),
        (ExistingCommitment s, ProgressReportReturned e) => WithFile(s, s.File.UpdateReport(
            e.Report, r => r with { Status = ProgressReportStatus.Returned, ReviewedOn = Day(e.At), ReturnReason = e.Reason })),

        // Events are facts that Decide already allowed; one that does not fit the state changes nothing.
        _ => state,
    };

    private static Decision<ICommitmentEvent> Propose(ProposeCommitment c, CommitmentState state)
    {
        if (state is not NoCommitment)
        {
            return CommitmentErrors.AlreadyExists;
        }

        var today = Day(c.At);
        var reference = c.ExternalReference is { } given ? CommitmentReference.Normalise(given) : null;
        var refusal = OfficeOrOwner(c.By, c.Owner)
            ?? ActiveMemorandum(c.Memorandum)
            ?? Check(reference is null || CommitmentReference.IsValid(reference), CommitmentErrors.ExternalReferenceInvalid)
            ?? Check(reference is null || c.Commitment == CommitmentReference.IdFor(c.Memorandum.Id, reference), CommitmentErrors.ExternalReferenceMismatch)
            ?? Check(c.Memorandum.Parties.Contains(c.Owner), CommitmentErrors.OwnerNotParty)
            ?? Check(c.Memorandum.FocusAreas.Contains(c.FocusArea), CommitmentErrors.FocusAreaNotCovered)
            ?? Check(!c.Description.IsEmpty, CommitmentErrors.DescriptionRequired)
            ?? Check(c.Weight > 0m, CommitmentErrors.WeightInvalid)
            ?? Check(c.DueDate >= today, CommitmentErrors.DueDateInPast)
            ?? Check(c.DueDate >= c.Memorandum.TermStart && c.DueDate <= c.Memorandum.TermEnd, CommitmentErrors.DueOutsideTerm);

        return refusal ?? Events(new CommitmentProposed(
            c.Commitment, c.Memorandum.Id, c.FocusArea, c.Owner, c.Description, c.DueDate, c.Weight, today, c.By.Id, c.At, reference));
    }

    private static Decision<ICommitmentEvent> Accept(AcceptCommitment c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var refusal = Check(existing is ProposedCommitment, CommitmentErrors.NotProposed)
            ?? OfficeOnly(c.By)
            ?? SameActiveMemorandum(c.Memorandum, existing.File);

        return refusal ?? Events(new CommitmentAccepted(c.Commitment, Day(c.At), c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> AddMilestone(AddMilestone c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        // Milestones may be planned while the proposal waits for the office: the plan is part of what is accepted.
        var file = existing.File;
        var today = Day(c.At);
        var refusal = Open(existing)
            ?? OfficeOrOwner(c.By, file.Owner)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(file.FindMilestone(c.Milestone) is null, CommitmentErrors.MilestoneAlreadyExists)
            ?? Check(file.Milestones.Count < MaxMilestones, CommitmentErrors.MilestoneLimitReached)
            ?? Check(!c.Title.IsEmpty, CommitmentErrors.MilestoneTitleRequired)
            ?? Check(c.Share is > 0m and <= 100m, CommitmentErrors.MilestoneShareInvalid)
            ?? Check(file.PlannedShare + c.Share <= 100m, CommitmentErrors.MilestoneSharesExceedTotal)
            ?? Check(c.DueDate >= today && c.DueDate <= file.DueDate, CommitmentErrors.MilestoneDueOutOfRange);

        return refusal ?? Events(new MilestoneAdded(c.Commitment, c.Milestone, c.Title, c.DueDate, c.Share, c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> Reschedule(RescheduleMilestone c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var file = existing.File;
        var milestone = file.FindMilestone(c.Milestone);
        var refusal = Open(existing)
            ?? OfficeOrOwner(c.By, file.Owner)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(milestone is not null, CommitmentErrors.MilestoneNotFound)
            ?? Check(milestone is { IsDone: false }, CommitmentErrors.MilestoneNotOpen)
            ?? Check(!c.Reason.IsEmpty, CommitmentErrors.RescheduleReasonRequired)
            ?? Check(milestone!.DueDate != c.NewDueDate, CommitmentErrors.RescheduleDateUnchanged)
            ?? Check(c.NewDueDate >= Day(c.At) && c.NewDueDate <= file.DueDate, CommitmentErrors.MilestoneDueOutOfRange);

        return refusal ?? Events(new MilestoneRescheduled(
            c.Commitment, c.Milestone, milestone!.DueDate, c.NewDueDate, c.Reason, c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> CompleteMilestone(CompleteMilestone c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var file = existing.File;
        var milestone = file.FindMilestone(c.Milestone);
        var refusal = Accepted(existing)
            ?? OfficeOrOwner(c.By, file.Owner)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(milestone is not null, CommitmentErrors.MilestoneNotFound)
            ?? Check(milestone is { IsDone: false }, CommitmentErrors.MilestoneNotOpen);

        return refusal ?? Events(new MilestoneCompleted(c.Commitment, c.Milestone, Day(c.At), c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> Submit(SubmitProgressReport c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var file = existing.File;
        var today = Day(c.At);

        // One pending report at a time: the office reviews figures in order, so "latest approved" is unambiguous.
        var refusal = Accepted(existing)
            ?? OfficeOrOwner(c.By, file.Owner)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(file.FindReport(c.Report) is null, CommitmentErrors.ReportAlreadyExists)
            ?? Check(file.Reports.Count < MaxProgressReports, CommitmentErrors.ReportLimitReached)
            ?? Check(!file.HasPendingReport, CommitmentErrors.ReportPending)
            ?? Check(c.Percent is >= 0m and <= 100m, CommitmentErrors.ProgressPercentInvalid)
            ?? Check(!c.Narrative.IsEmpty, CommitmentErrors.ProgressNarrativeRequired)
            ?? Check(c.AsOf >= file.ProposedOn && c.AsOf <= today, CommitmentErrors.ProgressAsOfInvalid);
        if (refusal is not null)
        {
            return refusal;
        }

        var reported = new CommitmentProgressReported(
            c.Commitment, c.Report, c.Percent, c.Narrative, c.AsOf, c.By.Id, c.By.Role, c.At);

        // The office reviews partners' figures; its own report needs no second look, but it is still
        // recorded as two events so every approved figure reaches projections the same way.
        return c.By.Role == ActorRole.Office
            ? Events(reported, new ProgressReportApproved(c.Commitment, c.Report, c.Percent, c.AsOf, today, c.By.Id, c.At))
            : Events(reported);
    }

    private static Decision<ICommitmentEvent> Approve(ApproveProgressReport c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var file = existing.File;
        var report = file.FindReport(c.Report);
        var refusal = Accepted(existing)
            ?? OfficeOnly(c.By)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(report is not null, CommitmentErrors.ReportNotFound)
            ?? Check(report is { Status: ProgressReportStatus.Submitted }, CommitmentErrors.ReportNotPending);

        return refusal ?? Events(new ProgressReportApproved(
            c.Commitment, c.Report, report!.Percent, report.AsOf, Day(c.At), c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> Return(ReturnProgressReport c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        // No memorandum check: sending a report back is not progress, and must stay possible when the memorandum is suspended.
        var report = existing.File.FindReport(c.Report);
        var refusal = Accepted(existing)
            ?? OfficeOnly(c.By)
            ?? Check(report is not null, CommitmentErrors.ReportNotFound)
            ?? Check(report is { Status: ProgressReportStatus.Submitted }, CommitmentErrors.ReportNotPending)
            ?? Check(!c.Reason.IsEmpty, CommitmentErrors.ReturnReasonRequired);

        return refusal ?? Events(new ProgressReportReturned(c.Commitment, c.Report, c.Reason, c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> Complete(CompleteCommitment c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        // Completion moves the memorandum's weighted roll-up, so it is the office's call, like approving progress.
        var file = existing.File;
        var refusal = Accepted(existing)
            ?? OfficeOnly(c.By)
            ?? SameActiveMemorandum(c.Memorandum, file)
            ?? Check(file.Milestones.TrueForAll(m => m.IsDone), CommitmentErrors.MilestonesIncomplete);

        return refusal ?? Events(new CommitmentCompleted(c.Commitment, Day(c.At), c.By.Id, c.At));
    }

    private static Decision<ICommitmentEvent> Cancel(CancelCommitment c, CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return CommitmentErrors.NotFound;
        }

        var refusal = Open(existing)
            ?? OfficeOnly(c.By)
            ?? Check(!c.Reason.IsEmpty, CommitmentErrors.CancelReasonRequired);

        return refusal ?? Events(new CommitmentCancelled(c.Commitment, c.Reason, Day(c.At), c.By.Id, c.At));
    }

    /// <summary>The business date of a command is its Shanghai calendar date, whatever offset it was issued in.</summary>
    private static DateOnly Day(DateTimeOffset at) => DistrictTime.DateOf(at);

    private static Decision<ICommitmentEvent> Events(params ICommitmentEvent[] events) => Decision<ICommitmentEvent>.Accept(events);

    private static CommitmentState WithFile(ExistingCommitment state, CommitmentFile file) => state switch
    {
        ProposedCommitment s => s with { File = file },
        AcceptedCommitment s => s with { File = file },
        CompletedCommitment s => s with { File = file },
        CancelledCommitment s => s with { File = file },
        _ => state,
    };

    private static DomainError? Check(bool ok, DomainError error) => ok ? null : error;

    /// <summary>Proposed or accepted: planning commands (milestones, cancel) are allowed.</summary>
    private static DomainError? Open(ExistingCommitment state) =>
        state is ProposedCommitment or AcceptedCommitment ? null : CommitmentErrors.Closed;

    /// <summary>Accepted only: progress commands need the office's acceptance first.</summary>
    private static DomainError? Accepted(ExistingCommitment state) => state switch
    {
        AcceptedCommitment => null,
        ProposedCommitment => CommitmentErrors.NotAccepted,
        _ => CommitmentErrors.Closed,
    };

    private static DomainError? OfficeOnly(Actor by) => by.Role == ActorRole.Office ? null : CommitmentErrors.OfficeOnly;

    /// <summary>The office, or a partner user of the owner organisation; any other role is refused as not the owner.</summary>
    private static DomainError? OfficeOrOwner(Actor by, PartnerId owner) =>
        by.Role == ActorRole.Office || (by.Role == ActorRole.Partner && by.Organisation == owner) ? null : CommitmentErrors.NotOwner;

    private static DomainError? ActiveMemorandum(MemorandumSnapshot memorandum) =>
        memorandum.Status == MemorandumStatus.Active ? null : CommitmentErrors.MemorandumNotActive;

    private static DomainError? SameActiveMemorandum(MemorandumSnapshot memorandum, CommitmentFile file) =>
        memorandum.Id != file.Memorandum ? CommitmentErrors.MemorandumMismatch : ActiveMemorandum(memorandum);
}
