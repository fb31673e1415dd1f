using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>More view scenarios: partners, talent cases and feedback written straight into the log.</summary>
public static class ScenarioViewsModules
{
    public static Task<long> RegisteredPartnerAsync(this ApiFactory api, PartnerId id, string en) =>
        api.AppendAsync(PartnerDecider.StreamName(id),
            new PartnerRegistered(id, PartnerKind.ChamberOfCommerce, ScenarioViews.Text(en), [], null, ScenarioViews.At));

    public static Task<long> OpenedTalentCaseAsync(this ApiFactory api, TalentCaseId id, PartnerId? referredBy, string talentName, DateOnly due) =>
        api.AppendAsync(TalentCaseDecider.StreamName(id),
            new TalentCaseOpened(id, new PersonalDetails(PersonId.New(), talentName, "robert@example.test", "+40 700 000 000"), "RO",
                TalentCategory.ForeignHighEndA, TalentService.WorkPermit, referredBy, new DateOnly(2024, 9, 2), 10, due, "office-1", ScenarioViews.At));

    public static Task<long> FeedbackAsync(this ApiFactory api, FeedbackId id, ObserverId observer, bool published)
    {
        var department = PartnerId.New();
        object[] events =
        [
            new FeedbackSubmitted(id, observer, ScenarioViews.Text("Work permit queue"), null, Language.En, "The queue is long.", new DateOnly(2024, 9, 2), ScenarioViews.At),
            .. published
                ? new object[]
                {
                    new FeedbackAcknowledged(id, "office-1", ScenarioViews.At),
                    new FeedbackRouted(id, department, ScenarioViews.Text("Human Resources Bureau"), new DateOnly(2024, 9, 3), 10, new DateOnly(2024, 9, 18), "office-1", ScenarioViews.At),
                    new FeedbackAnswered(id, department, ScenarioViews.Text("A second window opens in October."), new DateOnly(2024, 9, 10), "hr-1", ScenarioViews.At),
                    new FeedbackPublished(id, "office-1", ScenarioViews.At),
                }
                : [],
        ];
        return api.AppendAsync(FeedbackDecider.StreamName(id), events);
    }
}
