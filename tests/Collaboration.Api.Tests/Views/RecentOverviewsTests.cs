using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Notifications;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Overview;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// The overview is composed once per viewer per <see cref="RecentOverviews.Freshness"/>: within it a commit does not make
/// the office's next read recount every figure, after it the figures are the projections' again, and one viewer's
/// composition is never handed to another.
/// </summary>
public sealed class RecentOverviewsTests(ApiAtFixedMoment api) : IClassFixture<ApiAtFixedMoment>
{
    private static readonly DateOnly Today = new(2024, 9, 25);

    private async Task<int> ActivePartnersAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/overview"))!["activePartners"]!.GetValue<int>();

    [Fact]
    public async Task the_office_overview_is_reused_within_its_freshness_and_recounted_after_it()
    {
        var before = await ActivePartnersAsync(api.Office());

        await api.WaitForViewsAsync(await api.RegisteredPartnerAsync(PartnerId.New(), "Registered after the first read"));

        (await ActivePartnersAsync(api.Office())).Should().Be(before, "the office's overview composed a moment ago is reused");
        (await ActivePartnersAsync(api.ClientWithToken(TestTokens.Office("office.wang")))).Should().Be(before,
            "another office user is given what the policy decides for the office, not a composition of its own");
        (await ActivePartnersAsync(api.Auditor())).Should().Be(before + 1, "another class of viewer's overview is composed for that class");
        api.Clock.Advance(RecentOverviews.Freshness);
        (await ActivePartnersAsync(api.Office())).Should().BeOneOf([before, before + 1], "past its freshness the last overview may be handed out while the next is counted");
        api.Clock.Advance(RecentOverviews.Stale);
        (await ActivePartnersAsync(api.Office())).Should().Be(before + 1, "past the staleness bound the overview is counted again before it is handed out");
    }

    [Fact]
    public async Task past_its_freshness_the_last_overview_is_handed_out_while_the_next_is_composed_within_the_staleness_bound()
    {
        var clock = new FakeTimeProvider(ClockOverride.StoryMoment);
        var recent = new RecentOverviews(clock);
        var viewer = new Viewer(ViewerRole.Office, User: "office-1");
        (await recent.GetAsync(viewer, Today, () => Task.FromResult(Overview(3)), default)).ActivePartners.Should().Be(3);

        clock.Advance(RecentOverviews.Freshness);
        var next = new TaskCompletionSource<DistrictOverview>(TaskCreationOptions.RunContinuationsAsynchronously);
        var composed = 0;
        Task<DistrictOverview> Compose()
        {
            Interlocked.Increment(ref composed);
            return next.Task;
        }

        (await recent.GetAsync(viewer, Today, Compose, default)).ActivePartners.Should().Be(3, "the last one, while the next runs");
        (await recent.GetAsync(viewer with { User = "office-2" }, Today, Compose, default)).ActivePartners.Should().Be(3);
        // The composition starts on the pool: wait for it to have been asked for, then check it was asked for once.
        SpinWait.SpinUntil(() => Volatile.Read(ref composed) > 0, TimeSpan.FromSeconds(10)).Should().BeTrue();
        composed.Should().Be(1, "one composition for the viewers the policy treats alike");

        // Past the staleness bound a reader waits for the composition rather than take an overview that old.
        clock.Advance(RecentOverviews.Stale);
        var waiting = recent.GetAsync(viewer, Today, Compose, default);
        waiting.IsCompleted.Should().BeFalse();
        next.SetResult(Overview(4));
        (await waiting).ActivePartners.Should().Be(4);
        composed.Should().Be(1);
    }

    [Fact]
    public async Task viewers_the_policy_treats_differently_never_share_an_overview()
    {
        var recent = new RecentOverviews(new FakeTimeProvider(ClockOverride.StoryMoment));
        var partnerA = Guid.NewGuid();
        Viewer[] viewers =
        [
            new(ViewerRole.Office, User: "office-1"),
            new(ViewerRole.Auditor, User: "office-1"),
            new(ViewerRole.Partner, Organisation: partnerA, User: "office-1"),
            new(ViewerRole.Partner, Organisation: Guid.NewGuid(), User: "office-1"),
            new(ViewerRole.Observer, Observer: partnerA, User: "office-1"),
            new(ViewerRole.Public),
        ];

        for (var i = 0; i < viewers.Length; i++)
        {
            var own = i;
            (await recent.GetAsync(viewers[i], Today, () => Task.FromResult(Overview(own)), default)).ActivePartners.Should().Be(own, $"{viewers[i]} is composed for itself");
        }

        RecentOverviews.ClassOf(viewers[2]).Should().Be(new Viewer(ViewerRole.Partner, Organisation: partnerA));
    }

    [Fact]
    public async Task readers_arriving_during_a_composition_share_it_and_a_failed_one_is_not_kept()
    {
        var recent = new RecentOverviews(new FakeTimeProvider(ClockOverride.StoryMoment));
        var viewer = new Viewer(ViewerRole.Office, User: "office-1");
        var release = new TaskCompletionSource<DistrictOverview>(TaskCreationOptions.RunContinuationsAsynchronously);
        var composed = 0;
        Task<DistrictOverview> Compose()
        {
            Interlocked.Increment(ref composed);
            return release.Task;
        }

        var readers = Enumerable.Range(0, 5).Select(_ => recent.GetAsync(viewer, Today, Compose, default)).ToArray();
        release.SetResult(Overview(3));
        (await Task.WhenAll(readers)).Should().AllSatisfy(o => o.ActivePartners.Should().Be(3));
        composed.Should().Be(1);

        var failing = new RecentOverviews(new FakeTimeProvider(ClockOverride.StoryMoment));
        var act = () => failing.GetAsync(viewer, Today, () => Task.FromException<DistrictOverview>(new InvalidOperationException("store down")), default);
        await act.Should().ThrowAsync<InvalidOperationException>();
        (await failing.GetAsync(viewer, Today, () => Task.FromResult(Overview(4)), default)).ActivePartners.Should().Be(4, "a failure is composed again, not handed out for the freshness");
    }

    private static DistrictOverview Overview(int activePartners) =>
        new(Today, activePartners, 0, 0m, new Dictionary<Domain.Commitments.CommitmentStatus, int>(), 0, 0, 0, 0, 0, 0, null);
}
