using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Projections.Tests.Fixtures;

/// <summary>Domain events for a Hongkou memorandum with commitments, as the write side would record them.</summary>
public static class Events
{
    public static readonly DateTimeOffset At = new(2024, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static BilingualText Text(string en) => new($"{en}（中文）", en);

    public static string Stream(MemorandumId id) => MemorandumDecider.StreamName(id);

    public static string Stream(CommitmentId id) => CommitmentDecider.StreamName(id);

    public static object[] MemorandumWithParties(MemorandumId id, params PartnerId[] parties) =>
    [
        new MemorandumDrafted(id, Text("Government-Society Cooperation Memorandum"), Text("Talent and investment"),
            [FocusArea.HighLevelTalentServices, FocusArea.DomesticInvestmentPromotion], new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31), At),
        .. parties.Select(p => (object)new MemorandumPartyAdded(id, p, PartyRole.PartnerOrganisation, Text($"Partner {p.Value.ToString()[..4]}"), At)),
    ];

    public static CommitmentProposed Proposed(CommitmentId id, MemorandumId memorandum, PartnerId owner, decimal weight, DateOnly due, FocusArea area = FocusArea.HighLevelTalentServices) =>
        new(id, memorandum, area, owner, Text("Host a talent salon"), due, weight, new DateOnly(2024, 9, 2), "office-1", At);

    public static CommitmentAccepted Accepted(CommitmentId id) => new(id, new DateOnly(2024, 9, 3), "office-1", At);

    public static MilestoneAdded Milestone(CommitmentId id, MilestoneId milestone, decimal share, DateOnly due) =>
        new(id, milestone, Text("Venue booked"), due, share, "office-1", At);

    public static MilestoneCompleted MilestoneDone(CommitmentId id, MilestoneId milestone) => new(id, milestone, new DateOnly(2024, 9, 20), "partner-1", At);

    public static CommitmentCancelled Cancelled(CommitmentId id) => new(id, Text("Merged into another commitment"), new DateOnly(2024, 9, 25), "office-1", At);

    public static object[] ApprovedReport(CommitmentId id, decimal percent)
    {
        var report = ProgressReportId.New();
        return
        [
            new CommitmentProgressReported(id, report, percent, Text("Progress"), new DateOnly(2024, 10, 1), "partner-1", ActorRole.Partner, At),
            new ProgressReportApproved(id, report, percent, new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 2), "office-1", At),
        ];
    }
}
