using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// A partner's portfolio stays one response however long its history: the open items due first, the counts of the rest and
/// the weighted completion of all of them from the store, each kind one paged list away.
/// </summary>
public sealed class PartnerPortfolioTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateOnly Far = new(2031, 1, 1);

    [Fact]
    public async Task a_portfolio_lists_the_open_commitments_due_first_counts_the_rest_and_weighs_every_commitment_that_counts()
    {
        var partner = PartnerId.New();
        var other = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.RegisteredPartnerAsync(partner, "Shanghai Foreign Enterprises Association");
        await api.DraftMemorandumAsync(memorandum, partner, other);

        // Open: accepted (with approved progress) and proposed; closed: completed and cancelled. Weights and progress with
        // decimals that floating point would not add exactly.
        var approvedHalf = await CommitmentAsync(memorandum, partner, Far.AddDays(10), 2m, accepted: true, approved: 50m);
        var proposed = await CommitmentAsync(memorandum, partner, Far.AddDays(5), 3m, accepted: false);
        await CommitmentAsync(memorandum, partner, Far.AddDays(-400), 1m, accepted: true, approved: 100m, closed: Closing.Completed);
        await CommitmentAsync(memorandum, partner, Far.AddDays(-300), 4m, accepted: true, approved: 30m, closed: Closing.Cancelled);
        var slight = await CommitmentAsync(memorandum, partner, Far.AddDays(20), 0.1m, accepted: true, approved: 12.5m);
        var later = new List<CommitmentId>();
        for (var i = 0; i < GetPartnerPortfolioHandler.Shown; i++)
        {
            later.Add(await CommitmentAsync(memorandum, partner, Far.AddDays(100 + i), 0.2m, accepted: true, approved: i % 7));
        }

        await CommitmentAsync(memorandum, other, Far, 9m, accepted: true, approved: 90m);
        await api.WaitForViewsAsync(await api.OpenedTalentCaseAsync(TalentCaseId.New(), other, "Someone else's referral", Far));

        var response = await api.Partner(partner.Value).GetAsync($"/api/v1/partners/{partner}/portfolio");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var commitments = (await response.ReadJsonAsync())["commitments"]!;

        var open = commitments["open"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        open.Should().Equal([proposed.ToString(), approvedHalf.ToString(), slight.ToString(), .. later.Take(GetPartnerPortfolioHandler.Shown - 3).Select(c => c.ToString())],
            "the open commitments due first, at most Shown, the closed ones and the other partner's left out");
        commitments["openCount"]!.GetValue<long>().Should().Be(3 + GetPartnerPortfolioHandler.Shown);
        commitments["total"]!.GetValue<long>().Should().Be(5 + GetPartnerPortfolioHandler.Shown);
        commitments["list"]!.GetValue<string>().Should().Be($"/api/v1/commitments?partner={partner}");

        // The memorandum's progress weighs each party's commitments in memory from the full documents: the reference.
        var progress = await (await api.Office().GetAsync($"/api/v1/memoranda/{memorandum}/progress")).ReadJsonAsync();
        var byParty = progress["byParty"]!.AsArray().Single(g => g!["group"]!.GetValue<string>() == partner.ToString())!;
        byParty["commitments"]!.GetValue<int>().Should().Be(5 + GetPartnerPortfolioHandler.Shown);
        var portfolio = await (await api.Office().GetAsync($"/api/v1/partners/{partner}/portfolio")).ReadJsonAsync();
        portfolio["weightedCompletion"]!.GetValue<decimal>().Should().Be(byParty["weightedCompletion"]!.GetValue<decimal>()).And.BeGreaterThan(0m);

        // The section's list holds every one of them, page by page.
        var listed = 0;
        for (var url = (string?)$"/api/v1/commitments?partner={partner}&limit=50"; url is not null;)
        {
            var page = await (await api.Partner(partner.Value).GetAsync(url)).ReadJsonAsync();
            listed += page["items"]!.AsArray().Count;
            url = page["next"]?.GetValue<string>();
        }

        listed.Should().Be(5 + GetPartnerPortfolioHandler.Shown);
    }

    [Fact]
    public async Task a_portfolio_lists_the_running_cases_the_partner_referred_and_counts_them()
    {
        var partner = PartnerId.New();
        await api.RegisteredPartnerAsync(partner, "Hongkou Park Operator");
        var soon = TalentCaseId.New();
        var later = TalentCaseId.New();
        await api.OpenedTalentCaseAsync(later, partner, "Ms. Ito", Far.AddDays(30));
        await api.OpenedTalentCaseAsync(soon, partner, "Mr. Kim", Far);
        await api.WaitForViewsAsync(await api.OpenedTalentCaseAsync(TalentCaseId.New(), PartnerId.New(), "Another partner's referral", Far));

        var cases = (await (await api.Partner(partner.Value).GetAsync($"/api/v1/partners/{partner}/portfolio")).ReadJsonAsync())["referredTalentCases"]!;

        cases["open"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal(soon.ToString(), later.ToString());
        cases["openCount"]!.GetValue<long>().Should().Be(2);
        cases["total"]!.GetValue<long>().Should().Be(2);
        cases["list"]!.GetValue<string>().Should().Be($"/api/v1/talent-cases?partner={partner}");
    }

    private enum Closing
    {
        Open,
        Completed,
        Cancelled,
    }

    private async Task<CommitmentId> CommitmentAsync(MemorandumId memorandum, PartnerId owner, DateOnly due, decimal weight, bool accepted, decimal? approved = null, Closing closed = Closing.Open)
    {
        var id = CommitmentId.New();
        var at = ScenarioViews.At;
        var events = new List<object>
        {
            new CommitmentProposed(id, memorandum, FocusArea.HighLevelTalentServices, owner, ScenarioViews.Text("Talent salon"), due, weight, new DateOnly(2024, 9, 2), "office-1", at),
        };
        if (accepted)
        {
            events.Add(new CommitmentAccepted(id, new DateOnly(2024, 9, 3), "office-1", at));
        }

        if (approved is { } percent)
        {
            var report = ProgressReportId.New();
            events.Add(new CommitmentProgressReported(id, report, percent, ScenarioViews.Text("Progress"), new DateOnly(2024, 10, 1), "partner-1", ActorRole.Partner, at));
            events.Add(new ProgressReportApproved(id, report, percent, new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 2), "office-1", at));
        }

        events.Add(closed switch
        {
            Closing.Completed => new CommitmentCompleted(id, new DateOnly(2024, 11, 1), "office-1", at),
            Closing.Cancelled => new CommitmentCancelled(id, ScenarioViews.Text("Withdrawn"), new DateOnly(2024, 11, 1), "office-1", at),
            _ => null!,
        });
        await api.AppendAsync(CommitmentDecider.StreamName(id), [.. events.Where(e => e is not null)]);
        return id;
    }
}
