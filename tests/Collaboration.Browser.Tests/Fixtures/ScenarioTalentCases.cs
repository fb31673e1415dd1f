using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>
/// Two talent cases a partner referred, one well inside its deadline and one past it (relative to the real today, so
/// the countdown is the same whenever the test runs), and one observer's feedback. Written to the app's event store.
/// </summary>
public static class ScenarioTalentCases
{
    public static async Task OpenAsync(DashboardApp app, Guid referredBy)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IEventStore>();
        var serializer = app.Services.GetRequiredService<EventSerializer>();
        var today = DistrictTime.Today(TimeProvider.System);
        var at = DateTimeOffset.UtcNow;

        await AppendAsync(store, serializer, TalentCaseId.New(), id => new TalentCaseOpened(id,
            new PersonalDetails(PersonId.New(), "Robert Popescu", null, null), "RO", TalentCategory.ForeignHighEndA, TalentService.WorkPermit,
            new PartnerId(referredBy), today.AddDays(-3), 10, today.AddDays(30), "office.dev", at));
        await AppendAsync(store, serializer, TalentCaseId.New(), id => new TalentCaseOpened(id,
            new PersonalDetails(PersonId.New(), "Anna Schmidt", null, null), "DE", TalentCategory.ForeignProfessionalB, TalentService.ResidencePermit,
            new PartnerId(referredBy), today.AddDays(-40), 10, today.AddDays(-20), "office.dev", at));

        var feedback = FeedbackId.New();
        var appended = await store.AppendAsync(FeedbackDecider.StreamName(feedback), ExpectedRevision.NoStream,
        [
            serializer.ToEventToAppend(new FeedbackSubmitted(feedback, ObserverId.New(), new("外籍人才子女入学咨询", "Schooling for foreign talents' children"),
                null, Language.En, "Could the policy package list the international schools?", today.AddDays(-2), at)),
        ]);
        appended.Should().BeOfType<AppendResult.Appended>();
    }

    /// <summary>Opens <paramref name="count"/> cases a partner referred, due over the coming days, one day apart.</summary>
    public static async Task OpenManyAsync(DashboardApp app, Guid referredBy, int count)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IEventStore>();
        var serializer = app.Services.GetRequiredService<EventSerializer>();
        var today = DistrictTime.Today(TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await AppendAsync(store, serializer, TalentCaseId.New(), id => new TalentCaseOpened(id,
                new PersonalDetails(PersonId.New(), $"Talent {i}", null, null), "FR", TalentCategory.ForeignProfessionalB, TalentService.WorkPermit,
                new PartnerId(referredBy), today, 10, today.AddDays(100 + i), "office.dev", DateTimeOffset.UtcNow));
        }
    }

    /// <summary>
    /// Proposes <paramref name="count"/> commitments the partner owns, due one day apart ten years from now: after every
    /// other commitment of the shared app, so the tables other tests read keep their first page.
    /// </summary>
    public static async Task ProposeManyCommitmentsAsync(DashboardApp app, Guid owner, int count)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IEventStore>();
        var serializer = app.Services.GetRequiredService<EventSerializer>();
        var today = DistrictTime.Today(TimeProvider.System);
        var memorandum = MemorandumId.New();
        for (var i = 0; i < count; i++)
        {
            var id = CommitmentId.New();
            var result = await store.AppendAsync(CommitmentDecider.StreamName(id), ExpectedRevision.NoStream,
            [
                serializer.ToEventToAppend(new CommitmentProposed(id, memorandum, FocusArea.HighLevelTalentServices, new PartnerId(owner),
                    new BilingualText($"人才沙龙 {i}", $"Talent salon {i}"), today.AddYears(10).AddDays(i), 1m, today, "office.dev", DateTimeOffset.UtcNow)),
            ]);
            result.Should().BeOfType<AppendResult.Appended>();
        }
    }

    private static async Task AppendAsync(IEventStore store, EventSerializer serializer, TalentCaseId id, Func<TalentCaseId, TalentCaseOpened> opened)
    {
        var result = await store.AppendAsync(TalentCaseDecider.StreamName(id), ExpectedRevision.NoStream, [serializer.ToEventToAppend(opened(id))]);
        result.Should().BeOfType<AppendResult.Appended>();
    }
}
