using System.Net;
using Collaboration.Api.Live;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Live;

/// <summary>Catch-up and the activity list read a bounded number of rows per call, and catch-up pages lose nothing.</summary>
public sealed class CatchUpBoundsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task catch_up_pages_are_bounded_and_together_hold_every_change_once_in_order()
    {
        var memorandum = MemorandumId.New();
        var partner = PartnerId.New();
        await api.DraftMemorandumAsync(memorandum, partner);
        long last = 0;
        for (var i = 0; i < 12; i++)
        {
            last = await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, partner, new DateOnly(2025, 6, 30));
        }

        await api.WaitForViewsAsync(last);
        var reader = api.Services.GetRequiredService<IViewReader>();
        var everything = await reader.ChangedSinceAsync(0, null, maxRows: 100_000);

        var pages = new List<StoredChanges>();
        var next = 0L;
        do
        {
            var page = await reader.ChangedSinceAsync(next, null, maxRows: 5);
            if (page.HasMore || page.Changes.Count > 0)
            {
                page.Next.Should().BeGreaterThan(next, "every page moves on (but an empty last one, after a position read whole)");
            }
            else
            {
                page.Next.Should().Be(next, "an empty last page stays where the caller is");
            }

            pages.Add(page);
            next = page.Next;
        }
        while (pages[^1].HasMore && pages.Count < 1_000);

        everything.HasMore.Should().BeFalse();
        pages.Should().HaveCountGreaterThan(2);
        pages.Should().OnlyContain(p => p.Changes.Count <= 5 || p.Changes.Select(c => c.Position).Distinct().Count() == 1,
            "a page holds at most five rows, unless one position alone changed more");
        // The notification reactor commits on its own schedule (after the projections the test waited for): compare the
        // projections' documents, which stand still now.
        // Position order is the contract; within one position a page read whole lists documents before feed entries.
        var paged = pages.SelectMany(p => p.Changes).Where(c => StatusHubContract.Carries(c.View)).ToList();
        paged.Select(c => c.Position).Should().BeInAscendingOrder();
        paged.Select(c => (c.View, c.Key, c.Position)).Should()
            .BeEquivalentTo(everything.Changes.Where(c => StatusHubContract.Carries(c.View)).Select(c => (c.View, c.Key, c.Position)));
    }

    [Fact]
    public async Task the_hub_answers_a_page_with_where_to_continue()
    {
        await api.WaitForViewsAsync(await api.DraftMemorandumAsync(MemorandumId.New(), PartnerId.New()));
        var queries = api.Services.GetRequiredService<IViewQueries>();

        var page = await queries.ChangedSinceAsync(Collaboration.Api.Application.Caller.System, 0, StatusHub.MaxChangesPerCatchUp);
        var small = await queries.ChangedSinceAsync(Collaboration.Api.Application.Caller.System, 0, 1);

        page.Changes.Should().NotBeEmpty();
        page.Next.Should().Be(page.Changes.Max(c => c.Position));
        small.HasMore.Should().BeTrue();
        small.Changes.Select(c => c.Position).Distinct().Should().ContainSingle();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(100_000)]
    public async Task activity_beyond_its_limit_is_a_400_problem(int limit)
    {
        var response = await api.Office().GetAsync($"/api/v1/activity?limit={limit}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("limit");
    }

    [Fact]
    public async Task activity_up_to_its_limit_is_answered()
    {
        var response = await api.Office().GetAsync("/api/v1/activity?limit=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
