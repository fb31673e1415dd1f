using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>
/// One commitment of the Shanghai International Chamber of Commerce under the Open Month 2024
/// memorandum, with the events and commands the specs vary from.
/// </summary>
internal static class CommitmentFixture
{
    public static readonly CommitmentId Id = CommitmentId.Parse("0190a1b2-0000-7000-8000-000000000001");
    public static readonly MemorandumId MemoId = MemorandumId.Parse("0190a1b2-0000-7000-8000-0000000000aa");
    public static readonly PartnerId Chamber = PartnerId.Parse("0190a1b2-0000-7000-8000-0000000000c1");
    public static readonly PartnerId Park = PartnerId.Parse("0190a1b2-0000-7000-8000-0000000000c2");
    public static readonly PartnerId Outsider = PartnerId.Parse("0190a1b2-0000-7000-8000-0000000000c9");
    public static readonly MilestoneId M1 = MilestoneId.Parse("0190a1b2-0000-7000-8000-0000000000e1");
    public static readonly MilestoneId M2 = MilestoneId.Parse("0190a1b2-0000-7000-8000-0000000000e2");
    public static readonly ProgressReportId R1 = ProgressReportId.Parse("0190a1b2-0000-7000-8000-0000000000f1");
    public static readonly ProgressReportId R2 = ProgressReportId.Parse("0190a1b2-0000-7000-8000-0000000000f2");

    public static readonly Actor Office = Actor.Office("office-li");
    public static readonly Actor OwnerUser = Actor.Partner("chamber-wang", Chamber);
    public static readonly Actor OtherPartner = Actor.Partner("park-zhao", Park);
    public static readonly Actor Observer = new("observer-robert", ActorRole.Observer);

    public static readonly DateOnly Today = new(2024, 6, 3);
    public static readonly DateTimeOffset At = new(2024, 6, 3, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly DueDate = new(2024, 12, 31);

    public static readonly MemorandumSnapshot Memorandum = new(
        MemoId,
        MemorandumStatus.Active,
        [Chamber, Park],
        [FocusArea.HighLevelTalentServices, FocusArea.ForeignInvestmentPromotion],
        new DateOnly(2024, 5, 28),
        new DateOnly(2026, 5, 27));

    public static readonly BilingualText Description = BilingualText.Both("每季度举办一次外籍人才政策宣讲会", "Hold a policy briefing for foreign talent every quarter");
    public static readonly BilingualText Reason = BilingualText.Both("场地调整", "Venue changed");
    public static readonly BilingualText Empty = new(" ", null);

    public static MemorandumSnapshot MemorandumIn(MemorandumStatus status) => Memorandum with { Status = status };

    // Events

    public static CommitmentProposed Proposed(DateOnly? due = null) => new(
        Id, MemoId, FocusArea.HighLevelTalentServices, Chamber, Description, due ?? DueDate, 2m, Today, OwnerUser.Id, At);

    public static CommitmentAccepted Accepted(DateOnly? on = null) => new(Id, on ?? Today, Office.Id, At);

    public static MilestoneAdded MilestoneAdded(MilestoneId id, decimal share, DateOnly? due = null) => new(
        Id, id, BilingualText.Both("第一次宣讲会", "First briefing"), due ?? new DateOnly(2024, 9, 30), share, OwnerUser.Id, At);

    public static MilestoneCompleted MilestoneDone(MilestoneId id) => new(Id, id, Today, OwnerUser.Id, At);

    public static CommitmentProgressReported Reported(ProgressReportId id, decimal percent, Actor? by = null) => new(
        Id, id, percent, BilingualText.Both("已举办一次", "One held"), Today, (by ?? OwnerUser).Id, (by ?? OwnerUser).Role, At);

    public static ProgressReportApproved Approved(ProgressReportId id, decimal percent) => new(Id, id, percent, Today, Today, Office.Id, At);

    public static ProgressReportReturned Returned(ProgressReportId id) => new(Id, id, Reason, Office.Id, At);

    public static CommitmentCompleted Completed() => new(Id, Today, Office.Id, At);

    public static CommitmentCancelled Cancelled() => new(Id, Reason, Today, Office.Id, At);

    // Commands

    public static ProposeCommitment Propose() => new(
        Id, Memorandum, FocusArea.HighLevelTalentServices, Chamber, Description, DueDate, 2m, OwnerUser, At);

    public static AcceptCommitment Accept() => new(Id, Memorandum, Office, At);

    public static AddMilestone AddMilestone(MilestoneId id, decimal share) => new(
        Id, id, BilingualText.Both("第一次宣讲会", "First briefing"), new DateOnly(2024, 9, 30), share, Memorandum, OwnerUser, At);

    public static RescheduleMilestone Reschedule(MilestoneId id) => new(
        Id, id, new DateOnly(2024, 10, 31), Reason, Memorandum, OwnerUser, At);

    public static CompleteMilestone CompleteMilestone(MilestoneId id) => new(Id, id, Memorandum, OwnerUser, At);

    public static SubmitProgressReport Submit(ProgressReportId id, decimal percent) => new(
        Id, id, percent, BilingualText.Both("已举办一次", "One held"), Today, Memorandum, OwnerUser, At);

    public static ApproveProgressReport Approve(ProgressReportId id) => new(Id, id, Memorandum, Office, At);

    public static ReturnProgressReport Return(ProgressReportId id) => new(Id, id, Reason, Office, At);

    public static CompleteCommitment Complete() => new(Id, Memorandum, Office, At);

    public static CancelCommitment Cancel() => new(Id, Reason, Office, At);
}
