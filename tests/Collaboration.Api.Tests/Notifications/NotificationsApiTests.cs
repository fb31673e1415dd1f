using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Notifications;

public sealed class NotificationsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task owner_hears_its_commitment_accepted_and_a_follower_hears_its_report_approved_in_both_languages()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var commitment = await api.ProposedCommitmentAsync(memorandum, memorandum.PartnerA);
        var follower = api.ClientWithToken(TestTokens.Office("office.follower"));
        await follower.FollowAsync("commitments", commitment);

        (await api.Office().PostAsync($"/api/v1/commitments/{commitment}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var owner = await api.Partner(memorandum.PartnerA).InboxWhenAsync(p => p.Kinds().Contains("StatusChanged"));
        owner.Kinds().Should().Contain("StatusChanged");
        var item = owner["items"]!.AsArray().First(i => i!["kind"]!.GetValue<string>() == "StatusChanged")!;
        item["title"]!["zh"]!.GetValue<string>().Should().Be("承诺已接受");
        item["title"]!["en"]!.GetValue<string>().Should().Be("Commitment accepted");
        item["itemId"]!.GetValue<Guid>().Should().Be(commitment);
        (await follower.InboxWhenAsync(p => p.Kinds().Contains("StatusChanged"))).Kinds().Should().Contain("StatusChanged");

        // The office user who accepted it is not told of their own action.
        await api.SettledAsync();
        (await api.Office().InboxAsync()).Kinds().Should().BeEmpty();
    }

    [Fact]
    public async Task the_reactors_views_are_read_through_the_notifications_api_and_never_by_name()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var commitment = await api.ProposedCommitmentAsync(memorandum, memorandum.PartnerA);
        (await api.Office().PostAsync($"/api/v1/commitments/{commitment}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await api.Partner(memorandum.PartnerA).InboxWhenAsync(p => p.Kinds().Contains("StatusChanged"));

        var inbox = StatusHubContract.OrganisationGroup(memorandum.PartnerA);
        (await api.Services.GetRequiredService<IViewReader>().GetAsync(NotificationViews.InboxCounts, inbox)).Should().NotBeNull("the count is stored");
        var queries = api.Services.GetRequiredService<IViewQueries>();
        (await queries.GetAsync(Caller.System, NotificationViews.InboxCounts, inbox)).Should().BeNull("a read by name skips the reactor's views, as a list does");
        (await queries.ListAsync(Caller.System, NotificationViews.InboxCounts)).Should().BeEmpty();
    }

    [Fact]
    public async Task a_partner_never_hears_of_another_partners_talent_case_even_when_it_tries_to_follow_it()
    {
        var referrer = await api.RegisterPartnerAsync();
        var other = await api.RegisterPartnerAsync();
        var @case = await api.OpenCaseAsync(referredBy: referrer);

        await api.Partner(other).FollowAsync("talent-cases", @case, HttpStatusCode.NotFound);
        await api.Partner(referrer).FollowAsync("talent-cases", @case);
        var assign = await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/assign", ApiJson.Body(new { department = "exit-entry-bureau", officer = "officer-017" }));
        assign.StatusCode.Should().Be(HttpStatusCode.OK, await assign.Content.ReadAsStringAsync());

        (await api.Partner(referrer).InboxWhenAsync(p => p.Kinds().Contains("CaseAssigned"))).Kinds().Should().Contain("CaseAssigned");
        (await api.ClientWithToken(TestTokens.Office("officer-017")).InboxWhenAsync(p => p.Kinds().Contains("CaseAssigned"))).Kinds().Should().Contain("CaseAssigned");
        await api.SettledAsync();
        var outsider = await api.Partner(other).InboxAsync();
        outsider.Kinds().Should().BeEmpty();
        outsider["unread"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task another_party_following_a_commitment_hears_of_approved_progress_but_not_of_the_owners_draft_report()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var commitment = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var partyUser = api.ClientWithToken(TestTokens.Partner(memorandum.PartnerB, "park.chen"));
        await partyUser.FollowAsync("commitments", commitment);
        await api.Partner(memorandum.Outsider).FollowAsync("commitments", commitment, HttpStatusCode.NotFound);

        var submitted = await api.Partner(memorandum.PartnerA).PostAsync($"/api/v1/commitments/{commitment}/progress-reports", ApiJson.Body(new
        {
            percent = 20m,
            narrative = new { zh = "已完成首批服务", en = "First services delivered" },
            asOf = memorandum.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        submitted.StatusCode.Should().Be(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var report = await submitted.CreatedIdAsync();
        (await api.Office().PostAsync($"/api/v1/commitments/{commitment}/progress-reports/{report}/approve", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await partyUser.InboxWhenAsync(p => p.Kinds().Contains("ReportApproved"))).Kinds().Should().Equal("ReportApproved");
        var owner = await api.Partner(memorandum.PartnerA).InboxWhenAsync(p => p.Kinds().Contains("ReportApproved"));
        owner.Kinds().Should().Contain(["ReportApproved", "ReportSubmitted"], "the organisation's shared inbox hears of its own draft too");
        await api.SettledAsync();
        (await api.Partner(memorandum.Outsider).InboxAsync()).Kinds().Should().BeEmpty();
    }

    [Fact]
    public async Task the_inbox_pages_newest_first_counts_unread_and_marks_one_and_then_all_read()
    {
        var owner = await api.RegisterPartnerAsync();
        var reader = api.ClientWithToken(TestTokens.Office("office.reader"));
        var cases = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var @case = await api.OpenCaseAsync(referredBy: owner);
            await reader.FollowAsync("talent-cases", @case);
            var escalate = await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/escalate", ApiJson.Body(new { reason = new { zh = "督办", en = "Escalated" }, level = "BureauLeadership" }));
            escalate.StatusCode.Should().Be(HttpStatusCode.OK, await escalate.Content.ReadAsStringAsync());
            cases.Add(@case);
        }

        var all = await reader.InboxWhenAsync(p => p["unread"]!.GetValue<int>() == 3);
        all["unread"]!.GetValue<int>().Should().Be(3);
        all["items"]!.AsArray().Select(i => i!["itemId"]!.GetValue<Guid>()).Should().Equal(cases[2], cases[1], cases[0]);

        var first = await reader.InboxAsync("?limit=2");
        first["items"]!.AsArray().Should().HaveCount(2);
        var next = first["next"]!.GetValue<Guid>();
        var second = await reader.InboxAsync($"?limit=2&after={next}");
        second["items"]!.AsArray().Select(i => i!["itemId"]!.GetValue<Guid>()).Should().Equal(cases[0]);
        second["next"].Should().BeNull();
        (await reader.GetAsync("/api/v1/notifications?limit=500")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reader.GetAsync($"/api/v1/notifications?after={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var newest = all["items"]![0]!["id"]!.GetValue<Guid>();
        (await reader.PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterOne = await reader.InboxWhenAsync(p => p["unread"]!.GetValue<int>() == 2);
        afterOne["unread"]!.GetValue<int>().Should().Be(2);
        afterOne["items"]![0]!["read"]!.GetValue<bool>().Should().BeTrue();

        // Someone else's notification is not the caller's to mark: as if it did not exist. (The referring
        // organisation holds the same notification, the same occurrence, in its own inbox.)
        (await api.Partner(await api.RegisterPartnerAsync()).PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await reader.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await reader.InboxWhenAsync(p => p["unread"]!.GetValue<int>() == 0))["unread"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task follows_are_listed_undone_and_checked()
    {
        var owner = await api.RegisterPartnerAsync();
        var @case = await api.OpenCaseAsync(referredBy: owner);
        var user = api.ClientWithToken(TestTokens.Office("office.lister"));
        await user.FollowAsync("talent-cases", @case);
        await user.FollowAsync("talent-cases", @case);
        var listed = await (await user.GetAsync("/api/v1/notifications/follows")).ReadJsonAsync();
        listed.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).Should().Equal(@case);

        (await user.DeleteAsync($"/api/v1/notifications/follows/talent-cases/{@case}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await user.GetAsync("/api/v1/notifications/follows")).ReadJsonAsync()).AsArray().Should().BeEmpty();

        await user.FollowAsync("spaceships", @case, HttpStatusCode.BadRequest);
        await user.FollowAsync("commitments", Guid.NewGuid(), HttpStatusCode.NotFound);
        var auditor = await api.Auditor().PostAsync("/api/v1/notifications/follows", ApiJson.Body(new { item = "talent-cases", id = @case }));
        auditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task preferences_are_validated_kept_and_turn_the_inbox_off_for_a_kind()
    {
        var user = api.ClientWithToken(TestTokens.Office("office.prefs"));
        var defaults = await (await user.GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        defaults["language"]!.GetValue<string>().Should().Be("Zh");

        var bad = await user.PutAsync("/api/v1/notifications/preferences", ApiJson.Body(new
        {
            language = "En", email = (string?)null, dailyDigest = false,
            channels = new[] { new { channel = "Email", enabled = true, kinds = Array.Empty<string>() } },
        }));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var set = await user.PutAsync("/api/v1/notifications/preferences", ApiJson.Body(new
        {
            language = "En", email = "prefs@example.org", dailyDigest = true,
            channels = new[] { new { channel = "Inbox", enabled = true, kinds = new[] { "Escalated" } } },
        }));
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var kept = await (await user.GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        kept["email"]!.GetValue<string>().Should().Be("prefs@example.org");
        kept["dailyDigest"]!.GetValue<bool>().Should().BeTrue();

        var @case = await api.OpenCaseAsync();
        await user.FollowAsync("talent-cases", @case);
        (await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/assign", ApiJson.Body(new { department = "bureau", officer = "officer-1" }))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/escalate", ApiJson.Body(new { reason = new { zh = "督办", en = "Escalated" }, level = "BureauLeadership" }))).StatusCode.Should().Be(HttpStatusCode.OK);
        await api.SettledAsync();
        (await user.InboxAsync()).Kinds().Should().Equal("Escalated");
    }
}
