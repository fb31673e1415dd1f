using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Views;

public sealed class FeedbackBoardSpecs
{
    private static readonly FeedbackId Feedback = FeedbackId.New();
    private static readonly ObserverId Robert = ObserverId.New();
    private static readonly PartnerId Bureau = PartnerId.New();

    private static readonly IFeedbackEvent[] Answered =
    [
        new FeedbackSubmitted(Feedback, Robert, Events.Text("Foreign talent housing"), null, Language.En, "More rental listings in English, please.", new DateOnly(2024, 9, 2), Events.At),
        new FeedbackAcknowledged(Feedback, "office-1", Events.At),
        new FeedbackRouted(Feedback, Bureau, Events.Text("Housing Bureau"), new DateOnly(2024, 9, 3), 10, new DateOnly(2024, 9, 18), "office-1", Events.At),
        new FeedbackAnswered(Feedback, Bureau, Events.Text("An English listing page opens in October."), new DateOnly(2024, 9, 10), "housing-1", Events.At),
    ];

    [Fact]
    public async Task an_answered_item_is_seen_by_its_observer_and_the_department_but_not_the_public()
    {
        var stored = await ReplayAsync(Answered);

        stored.Scope.Audiences.Should().BeEquivalentTo([ViewScope.Observer(Robert.Value), ViewScope.Organisation(Bureau.Value)]);
    }

    [Fact]
    public async Task publishing_makes_the_item_public_and_moves_it_to_the_published_column()
    {
        var stored = await ReplayAsync([.. Answered, new FeedbackPublished(Feedback, "office-1", Events.At)]);
        var view = ViewJson.Deserialize<FeedbackView>(stored.Json!)!;

        stored.Scope.Audiences.Should().Contain(ViewScope.Public);
        var line = FeedbackLine.On(view, new DateOnly(2024, 10, 1), Domain.Calendar.WorkingCalendar.China);
        line.Column.Should().Be("published");
        line.AnsweredOnTime.Should().BeTrue();
    }

    private static async Task<StoredView> ReplayAsync(IEnumerable<object> events)
    {
        var store = await ProjectionReplayer.ReplayAsync(new FeedbackBoardProjection(), MemorandumProgressSpecs.Recorded(events), TempStore.Serializer);
        return store.All.Should().ContainSingle().Subject;
    }
}
