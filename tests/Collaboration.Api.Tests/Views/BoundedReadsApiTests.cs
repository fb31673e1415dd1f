using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Overview;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// The day's reads that once read whole views (the overview, a partner's portfolio) read a number of documents that does not
/// grow with the district's log, and the overview's counted figures are those composed from every document.
/// </summary>
public sealed class BoundedReadsApiTests(ApiWithCountingViews api) : IClassFixture<ApiWithCountingViews>
{
    private const int Many = 400;

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static (PartnerId Partner, MemorandumId Memorandum)? seeded;

    /// <summary>Hundreds of partners, cases, feedback items and commitments of others; one partner with one of each.</summary>
    private async Task<(PartnerId Partner, MemorandumId Memorandum)> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (seeded is { } done)
            {
                return done;
            }

            var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());
            var partner = PartnerId.New();
            var memorandum = MemorandumId.New();
            await api.RegisteredPartnerAsync(partner, "Portfolio partner");
            await api.DraftMemorandumAsync(memorandum, partner);
            await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, partner, today.AddDays(40), weight: 2m);
            await api.OpenedTalentCaseAsync(TalentCaseId.New(), partner, "Referred talent", today.AddDays(5));
            long position = 0;
            for (var i = 0; i < Many; i++)
            {
                var other = PartnerId.New();
                await api.RegisteredPartnerAsync(other, $"Enterprise {i}");
                if (i % 3 == 0)
                {
                    await api.AppendAsync(PartnerDecider.StreamName(other), new PartnerDeactivated(other, ScenarioViews.Text("Closed"), ScenarioViews.At));
                }

                // Deadlines on both sides of today: some breached, some due a reminder today, most neither.
                await api.OpenedTalentCaseAsync(TalentCaseId.New(), i % 2 == 0 ? other : null, $"Talent {i}", today.AddDays((i % 21) - 10));
                await api.FeedbackAsync(FeedbackId.New(), ObserverId.New(), published: i % 4 == 0);
                if (i % 5 == 1)
                {
                    await RoutedFeedbackAsync(today.AddDays((i % 7) - 3));
                }

                var commitment = CommitmentId.New();
                position = await api.AcceptedCommitmentAsync(commitment, memorandum, other, today.AddDays((i % 40) - 20), weight: 1 + (i % 3));
                if (i % 4 == 1)
                {
                    position = await api.ApprovedProgressAsync(commitment, (i % 9) * 11.5m);
                }
            }

            await api.WaitForViewsAsync(position);
            seeded = (partner, memorandum);
            return seeded.Value;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private Task<long> RoutedFeedbackAsync(DateOnly answerDue)
    {
        var id = FeedbackId.New();
        return api.AppendAsync(FeedbackDecider.StreamName(id),
            new FeedbackSubmitted(id, ObserverId.New(), ScenarioViews.Text("Signs"), null, Language.En, "More signs.", answerDue.AddDays(-20), ScenarioViews.At),
            new FeedbackAcknowledged(id, "office-1", ScenarioViews.At),
            new FeedbackRouted(id, PartnerId.New(), ScenarioViews.Text("Bureau"), answerDue.AddDays(-15), 10, answerDue, "office-1", ScenarioViews.At));
    }

    private async Task<long> DocumentsReadByAsync(HttpClient client, string url)
    {
        var before = api.DocumentsRead;
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return api.DocumentsRead - before;
    }

    [Fact]
    public async Task the_overview_reads_a_handful_of_documents_however_many_partners_cases_feedback_items_and_commitments_there_are()
    {
        await SeedAsync();

        var read = await DocumentsReadByAsync(api.Office(), "/api/v1/overview");

        // Reading whole views would hand back every seeded document (over 1,200); counting reads a page of one per figure.
        read.Should().BeLessThan(OverviewCounts.AnswersAveraged + 40, "figures are counted and summed by the store; only the latest answers are read");
    }

    [Fact]
    public async Task a_partners_portfolio_reads_its_own_items_not_every_case_and_commitment_in_the_district()
    {
        var (partner, _) = await SeedAsync();

        var read = await DocumentsReadByAsync(api.Partner(partner.Value), $"/api/v1/partners/{partner}/portfolio");
        var portfolio = await api.Partner(partner.Value).GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/partners/{partner}/portfolio");

        read.Should().BeLessThan(Many / 10);
        portfolio!["commitments"]!["open"]!.AsArray().Should().ContainSingle();
        portfolio["commitments"]!["total"]!.GetValue<long>().Should().Be(1, "counted by the store, the district's other commitments aside");
        portfolio["referredTalentCases"]!["open"]!.AsArray().Should().ContainSingle();
        portfolio["memoranda"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task a_memorandums_progress_is_read_from_the_store_once_while_nothing_changes_and_anew_after_a_change()
    {
        var (partner, memorandum) = await SeedAsync();
        var url = $"/api/v1/memoranda/{memorandum}/progress";
        await DocumentsReadByAsync(api.Office(), url);

        // Twenty reads by the office and a party: without the kept document each read the store (twenty documents); the
        // document is kept for half a second, so a slow machine may read it again once or twice.
        long read = 0;
        for (var i = 0; i < 10; i++)
        {
            read += await DocumentsReadByAsync(api.Office(), url);
            read += await DocumentsReadByAsync(api.Partner(partner.Value), url);
        }

        read.Should().BeLessThan(10, "the stored document is kept until it changes; the policy still decides each read");
        (await api.Partner(Guid.NewGuid()).GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "not a party");

        var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());
        // Another partner's commitment: the portfolio test counts this partner's own.
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, PartnerId.New(), today.AddDays(60)));
        var after = await api.Office().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(url);
        after!["commitments"]!["total"]!.GetValue<long>().Should().Be(Many + 2, "the change is read from the store at once");
    }

    [Fact]
    public async Task the_dashboards_partner_page_reads_the_partners_own_items_not_every_case_and_commitment_in_the_district()
    {
        var (partner, _) = await SeedAsync();
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DashboardSignIn.AsPartnerAsync(client, partner);

        var before = api.DocumentsRead;
        var page = await client.GetStringAsync(new Uri("/partner", UriKind.Relative));
        var read = api.DocumentsRead - before;

        // It once composed the page from three whole views (every memorandum, commitment and case of the district).
        read.Should().BeLessThan(Many / 10);
        page.Should().Contain("Portfolio partner").And.Contain("data-section=\"commitments\"").And.Contain("data-section=\"talentCases\"");
        page.Should().Contain($"/commitments?partner={partner}", "every commitment stays one paged list away");
        page.Should().NotContain("Enterprise 1", "other partners' names are not on a partner's own page");
    }

    [Fact]
    public async Task the_dashboards_talent_case_counters_are_counted_by_the_store_without_reading_a_case()
    {
        await SeedAsync();
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DashboardSignIn.AsOfficeAsync(client);
        await client.GetStringAsync(new Uri("/talent-cases", UriKind.Relative));

        var before = api.DocumentsRead;
        var page = await client.GetStringAsync(new Uri("/talent-cases", UriKind.Relative));
        var read = api.DocumentsRead - before;

        // Each status's counter once read a page of one for its total, which SQLite walked along the whole view to sort.
        read.Should().Be(0, "the counters are the store's counts and the table's rows are read by the circuit, not by this render");
        page.Should().Contain("data-status-count=\"Open\"");
    }

    [Fact]
    public async Task the_weighted_completion_is_tallied_by_the_store_once_per_commit_of_the_commitments_and_per_viewer()
    {
        var (partner, memorandum) = await SeedAsync();
        var queries = api.Services.GetRequiredService<IViewQueries>();
        var completions = api.Services.GetRequiredService<DistrictCompletions>();
        var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());
        var office = new Caller("office-completions", CallerRole.Office, null, null);
        async Task<(long Sums, long Documents)> AskedAsync(Caller caller, DistrictCompletions? kept)
        {
            var (sums, documents) = (api.TalliesAsked, api.DocumentsRead);
            await queries.ComposeAsync(caller, today, kept);
            return (api.TalliesAsked - sums, api.DocumentsRead - documents);
        }

        var uncached = await AskedAsync(office, null);
        await AskedAsync(office, completions);
        var kept = await AskedAsync(office, completions);
        var otherViewer = await AskedAsync(new Caller("partner-completions", CallerRole.Partner, partner, null), completions);
        // Another owner's commitment: the portfolio test reads the seeded partner's own.
        var owner = PartnerId.New();
        await api.RegisteredPartnerAsync(owner, "Completion owner");
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, owner, today.AddDays(30), weight: 3m));
        var afterCommit = await AskedAsync(office, completions);

        uncached.Sums.Should().Be(1, "the figure is one tally of two sums by the store");
        uncached.Documents.Should().BeLessThan(OverviewCounts.AnswersAveraged + 1, "no commitment or progress document is handed back for it, only the latest answers");
        kept.Sums.Should().Be(0, "the kept figure stands while the commitment details have not committed");
        otherViewer.Sums.Should().Be(1, "another viewer's figure is its own, summed through its own visibility");
        afterCommit.Sums.Should().Be(1, "a commit of the commitment details makes the kept figure stale");
        (await queries.ComposeAsync(office, today, completions)).Should().BeEquivalentTo(await queries.ComposeAsync(office, today));
    }

    [Fact]
    public async Task the_counted_overview_has_the_figures_composed_from_every_document()
    {
        await SeedAsync();
        var reader = api.Services.GetRequiredService<IViewReader>();
        var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());
        var expected = DistrictOverview.Compose(
            today,
            await reader.ListTypedAsync<PartnerListItem>(ViewNames.Partners, null, default),
            await reader.ListTypedAsync<MemorandumListItem>(ViewNames.Memoranda, null, default),
            await reader.ListTypedAsync<CommitmentDetail>(ViewNames.CommitmentDetail, null, default),
            await reader.ListTypedAsync<TalentCaseView>(ViewNames.TalentCaseQueue, null, default),
            await reader.ListTypedAsync<FeedbackView>(ViewNames.FeedbackBoard, null, default));

        var counted = await api.Services.GetRequiredService<IViewQueries>().ComposeAsync(new Caller("office-1", CallerRole.Office, null, null), today);

        counted.Should().BeEquivalentTo(expected);
        expected.BreachedTalentCases.Should().BePositive("the seed has cases past their deadline");
        expected.FeedbackAnswerOverdue.Should().BePositive("the seed has routed feedback past its answer date");
        expected.ActivePartners.Should().BeLessThan(Many, "a third of the seeded partners were deactivated");
        expected.CommitmentsByStatus.Should().ContainKey(Domain.Commitments.CommitmentStatus.Overdue);
        expected.WeightedCompletion.Should().BePositive("the seed approves progress on a quarter of the commitments");
    }

    [Fact]
    public async Task a_partner_gets_the_overview_of_what_it_may_see_though_published_answers_withhold_the_observer()
    {
        var (partner, _) = await SeedAsync();
        var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());

        // The dashboard's overview page composes this for every signed-in caller; a partner is shown published answers
        // with the observer withheld, which once made the answer-time average fail to read them (400 on the page).
        var seen = await api.Services.GetRequiredService<IViewQueries>().ComposeAsync(new Caller("partner-1", CallerRole.Partner, partner, null), today);

        seen.PublishedFeedback.Should().BePositive("the seed publishes a quarter of the feedback");
        seen.AverageAnswerWorkingDays.Should().NotBeNull("published answers have a routing and a reply to time");
    }
}
