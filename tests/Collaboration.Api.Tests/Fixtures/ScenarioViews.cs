using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>
/// Writes domain events straight into the app's log (as the modules' endpoints would) and waits for the read models,
/// so view and hub tests do not depend on every module's write API.
/// </summary>
public static class ScenarioViews
{
    public static readonly DateTimeOffset At = new(2024, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static BilingualText Text(string en) => new($"{en}（中文）", en);

    public static async Task<long> AppendAsync(this ApiFactory api, string stream, params object[] events)
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        var serializer = api.Services.GetRequiredService<EventSerializer>();
        var result = await store.AppendAsync(stream, ExpectedRevision.Any, [.. events.Select(e => serializer.ToEventToAppend(e))]);
        return ((AppendResult.Appended)result).LastPosition;
    }

    public static Task WaitForViewsAsync(this ApiFactory api, long position) =>
        api.Services.GetRequiredService<ProjectionRunner>().WaitForAsync(position).WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>A drafted memorandum with the given parties; returns the last position.</summary>
    public static Task<long> DraftMemorandumAsync(this ApiFactory api, MemorandumId id, params PartnerId[] parties) =>
        api.AppendAsync(MemorandumDecider.StreamName(id),
        [
            new MemorandumDrafted(id, Text("Government-Society Cooperation Memorandum"), Text("Talent and investment"),
                [FocusArea.HighLevelTalentServices], new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31), At),
            .. parties.Select(p => (object)new MemorandumPartyAdded(id, p, PartyRole.PartnerOrganisation, Text("Partner"), At)),
        ]);

    /// <summary>A commitment proposed and accepted under a memorandum; returns the last position.</summary>
    public static Task<long> AcceptedCommitmentAsync(this ApiFactory api, CommitmentId id, MemorandumId memorandum, PartnerId owner, DateOnly due, decimal weight = 1m) =>
        api.AppendAsync(CommitmentDecider.StreamName(id),
            new CommitmentProposed(id, memorandum, FocusArea.HighLevelTalentServices, owner, Text("Talent salon"), due, weight, new DateOnly(2024, 9, 2), "office-1", At),
            new CommitmentAccepted(id, new DateOnly(2024, 9, 3), "office-1", At));

    /// <summary>A progress report on the commitment, submitted by its owner and approved by the office; returns the last position.</summary>
    public static Task<long> ApprovedProgressAsync(this ApiFactory api, CommitmentId id, decimal percent)
    {
        var report = ProgressReportId.New();
        return api.AppendAsync(CommitmentDecider.StreamName(id),
            new CommitmentProgressReported(id, report, percent, Text("Progress"), new DateOnly(2024, 10, 1), "partner-1", ActorRole.Partner, At),
            new ProgressReportApproved(id, report, percent, new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 2), "office-1", At));
    }
}
