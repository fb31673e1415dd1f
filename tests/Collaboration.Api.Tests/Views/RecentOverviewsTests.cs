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
        (await ActivePartnersAsync(api.Auditor())).Should().Be(before + 1, "another viewer's overview is composed for that viewer");
        api.Clock.Advance(RecentOverviews.Freshness);
        (await ActivePartnersAsync(api.Office())).Should().Be(before + 1, "past its freshness the overview is counted again");
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
