using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>
/// A signed memorandum with two partners and three commitments with an approved-progress history, written to the
/// app's own event store (this branch has no memoranda or commitments endpoints yet; the projections cannot tell).
/// Partner A owns the overdue talent commitment and the completed one, partner B the investment commitment.
/// </summary>
public sealed record ScenarioMemorandum(Guid Memorandum, Guid PartnerA, Guid PartnerB)
{
    public const string OverdueCommitment = "Open a talent service window in the park";
    public const string PartnerBCommitment = "Host four foreign-investment promotion events";

    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<ScenarioMemorandum> SignAsync(DashboardApp app, Guid partnerA, string partnerAZh, string partnerAEn, Guid partnerB, string partnerBZh, string partnerBEn)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IEventStore>();
        var serializer = app.Services.GetRequiredService<EventSerializer>();
        var memorandum = MemorandumId.New();
        var (a, b) = (new PartnerId(partnerA), new PartnerId(partnerB));

        await AppendAsync(store, serializer, MemorandumDecider.StreamName(memorandum),
            new MemorandumDrafted(memorandum, new("虹口区政社合作备忘录（2024）", "Hongkou Government–Society Cooperation Memorandum (2024)"),
                new("共同推进人才服务、招商引资和园区政策落地", "Talent services, investment promotion and policy in parks"),
                [FocusArea.HighLevelTalentServices, FocusArea.ForeignInvestmentPromotion, FocusArea.ParkIndustrialPolicy],
                new DateOnly(2024, 6, 1), new DateOnly(2027, 5, 31), At),
            new MemorandumPartyAdded(memorandum, a, PartyRole.PartnerOrganisation, new(partnerAZh, partnerAEn), At),
            new MemorandumPartyAdded(memorandum, b, PartyRole.PartnerOrganisation, new(partnerBZh, partnerBEn), At),
            new MemorandumSigned(memorandum, [new(a, "Signatory A", new("会长", "President")), new(b, "Signatory B", new("秘书长", "Secretary-general"))],
                new DateOnly(2024, 6, 18), new("虹口区政府", "Hongkou District Government"), At));

        await CommitmentAsync(store, serializer, memorandum, a, FocusArea.HighLevelTalentServices,
            new("在园区开设人才服务窗口", OverdueCommitment), new DateOnly(2026, 10, 31), 3m,
            [(20m, new DateOnly(2024, 12, 20)), (45m, new DateOnly(2025, 6, 30)), (60m, new DateOnly(2026, 3, 31))], completedOn: null);
        await CommitmentAsync(store, serializer, memorandum, b, FocusArea.ForeignInvestmentPromotion,
            new("举办四场外资招商推介会", PartnerBCommitment), new DateOnly(2027, 3, 31), 2m,
            [(25m, new DateOnly(2025, 3, 31)), (50m, new DateOnly(2025, 12, 31)), (75m, new DateOnly(2026, 9, 30))], completedOn: null);
        await CommitmentAsync(store, serializer, memorandum, a, FocusArea.ParkIndustrialPolicy,
            new("编印园区企业政策服务包", "Publish the park's enterprise policy service package"), new DateOnly(2025, 12, 31), 1m,
            [(50m, new DateOnly(2025, 4, 30))], completedOn: new DateOnly(2025, 11, 15));
        return new(memorandum.Value, partnerA, partnerB);
    }

    private static async Task CommitmentAsync(
        IEventStore store, EventSerializer serializer, MemorandumId memorandum, PartnerId owner, FocusArea area, BilingualText description,
        DateOnly due, decimal weight, IReadOnlyList<(decimal Percent, DateOnly On)> approvals, DateOnly? completedOn)
    {
        var id = CommitmentId.New();
        var events = new List<object>
        {
            new CommitmentProposed(id, memorandum, area, owner, description, due, weight, new DateOnly(2024, 7, 1), "partner.dev", At),
            new CommitmentAccepted(id, new DateOnly(2024, 7, 8), "office.dev", At),
        };
        foreach (var (percent, on) in approvals)
        {
            var report = ProgressReportId.New();
            events.Add(new CommitmentProgressReported(id, report, percent, new("阶段进展", "Progress this period"), on, "partner.dev", ActorRole.Partner, At));
            events.Add(new ProgressReportApproved(id, report, percent, on, on, "office.dev", At));
        }

        if (completedOn is { } completed)
        {
            events.Add(new CommitmentCompleted(id, completed, "office.dev", At));
        }

        await AppendAsync(store, serializer, CommitmentDecider.StreamName(id), [.. events]);
    }

    private static async Task AppendAsync(IEventStore store, EventSerializer serializer, string stream, params object[] events)
    {
        var result = await store.AppendAsync(stream, ExpectedRevision.NoStream, [.. events.Select(e => serializer.ToEventToAppend(e))]);
        result.Should().BeOfType<AppendResult.Appended>();
    }
}
