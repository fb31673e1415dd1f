using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Audit.Export;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Audit;

public sealed class AuditApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Partner(string en) => new
    {
        kind = "ChamberOfCommerce",
        name = new { zh = "上海国际商会", en },
        contacts = new[] { new { name = "Wang Li", title = "Secretary-General", email = "wang@sicc.example", phone = (string?)null } },
        externalReference = (string?)null,
    };

    private async Task<Guid> RegisterAsync(string en)
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(Partner(en)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    private async Task RenameAsync(Guid id, string en)
    {
        var response = await api.Office().PostAsync($"/api/v1/partners/{id}/details", ApiJson.Body(new
        {
            kind = "ChamberOfCommerce",
            name = new { zh = "上海国际商会", en },
            contacts = Array.Empty<object>(),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task AppendAsync(string stream, object @event)
    {
        var serializer = api.Services.GetRequiredService<EventSerializer>();
        var store = api.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync(stream, ExpectedRevision.Any, [serializer.ToEventToAppend(@event, new EventMetadata("office-1", "office"))]);
    }

    private static async Task<DateTimeOffset> MomentAsync()
    {
        // Store timestamps have microsecond precision; step past the last one so the moment is unambiguous.
        await Task.Delay(5);
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        return now;
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task auditor_reads_the_global_log_with_metadata_and_hashes()
    {
        var id = await RegisterAsync("Audit Log Chamber");

        var page = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream=partner-{id}");

        var entry = page["entries"]!.AsArray().Single()!;
        entry["type"]!.GetValue<string>().Should().Be("partner.registered.v1");
        entry["hash"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{64}$");
        entry["metadata"]!["role"]!.GetValue<string>().Should().Be("office");
        entry["data"]!.ToJsonString().Should().Contain("Audit Log Chamber");
    }

    [Fact]
    public async Task the_log_is_paged_with_a_cursor_that_continues_where_the_page_ended()
    {
        var id = await RegisterAsync("Paging Chamber");
        await RenameAsync(id, "Paging Chamber 2");
        await RenameAsync(id, "Paging Chamber 3");

        var first = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?module=partners&stream=partner-{id}&limit=2");
        var next = first["next"]!.GetValue<long>();
        var second = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream=partner-{id}&limit=2&fromPosition={next}");

        first["entries"]!.AsArray().Select(e => e!["revision"]!.GetValue<long>()).Should().Equal(0, 1);
        second["entries"]!.AsArray().Select(e => e!["revision"]!.GetValue<long>()).Should().Equal(2);
        second["next"].Should().BeNull();
    }

    [Theory]
    [InlineData("module=nope")]
    [InlineData("limit=0")]
    [InlineData("fromPosition=0")]
    [InlineData("fromPosition=abc")]
    public async Task a_bad_filter_is_answered_400_problem(string query)
    {
        var response = await api.Auditor().GetAsync($"/api/v1/audit/events?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task history_shows_who_did_what_and_the_before_and_after_of_the_derived_state()
    {
        var id = await RegisterAsync("History Chamber");
        await RenameAsync(id, "History Chamber Renamed");

        var history = (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/partner-{id}/history")).AsArray();

        history.Should().HaveCount(2);
        history[1]!["by"]!["role"]!.GetValue<string>().Should().Be("office");
        var change = history[1]!["changes"]!.AsArray().Single(c => c!["path"]!.GetValue<string>() == "$.name.en")!;
        change["before"]!.GetValue<string>().Should().Be("History Chamber");
        change["after"]!.GetValue<string>().Should().Be("History Chamber Renamed");
        history[0]!["changes"]!.AsArray().Should().Contain(c => c!["path"]!.GetValue<string>() == "$.$state" && c["after"]!.GetValue<string>() == "ActivePartner");
    }

    [Fact]
    public async Task as_of_answers_match_the_state_recorded_at_each_moment_while_the_scenario_ran()
    {
        var id = await RegisterAsync("As-of Chamber v1");
        var recorded = new List<(DateTimeOffset At, JsonNode View)>();
        recorded.Add((await MomentAsync(), await GetJsonAsync(api.Office(), $"/api/v1/partners/{id}")));
        await RenameAsync(id, "As-of Chamber v2");
        recorded.Add((await MomentAsync(), await GetJsonAsync(api.Office(), $"/api/v1/partners/{id}")));
        await RenameAsync(id, "As-of Chamber v3");
        recorded.Add((await MomentAsync(), await GetJsonAsync(api.Office(), $"/api/v1/partners/{id}")));
        var deactivate = await api.Office().PostAsync($"/api/v1/partners/{id}/deactivate", ApiJson.Body(new { reason = new { zh = "退出", en = "Left" } }));
        deactivate.StatusCode.Should().Be(HttpStatusCode.OK);
        recorded.Add((await MomentAsync(), await GetJsonAsync(api.Office(), $"/api/v1/partners/{id}")));

        foreach (var (at, view) in recorded)
        {
            var asOf = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/partner-{id}/state?asOf={Q(at)}");
            var state = asOf["state"]!;
            state["name"]!["en"]!.GetValue<string>().Should().Be(view["name"]!["en"]!.GetValue<string>());
            (state["$state"]!.GetValue<string>() == "ActivePartner").Should().Be(view["isActive"]!.GetValue<bool>());
        }

        var byRevision = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/partner-{id}/state?revision=1");
        byRevision["state"]!["name"]!["en"]!.GetValue<string>().Should().Be("As-of Chamber v2");
        var before = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/partner-{id}/state?asOf={Q(recorded[0].At.AddMinutes(-10))}");
        before["revision"].Should().BeNull("the partner did not exist yet");
    }

    [Fact]
    public async Task a_diff_between_two_moments_lists_what_changed()
    {
        var id = await RegisterAsync("Diff Chamber");
        await RenameAsync(id, "Diff Chamber 2");
        await RenameAsync(id, "Diff Chamber 3");

        var diff = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/partner-{id}/diff?fromRevision=0&toRevision=2");

        var change = diff["changes"]!.AsArray().Single(c => c!["path"]!.GetValue<string>() == "$.name.en")!;
        change["before"]!.GetValue<string>().Should().Be("Diff Chamber");
        change["after"]!.GetValue<string>().Should().Be("Diff Chamber 3");
    }

    [Fact]
    public async Task the_memorandum_progress_view_as_of_matches_the_view_computed_at_each_moment()
    {
        var memorandum = MemorandumId.New();
        var partner = PartnerId.New();
        var at = DateTimeOffset.UtcNow;
        await AppendAsync(MemorandumDecider.StreamName(memorandum), new MemorandumDrafted(
            memorandum, new BilingualText("政社合作备忘录", "Cooperation Memorandum"), new BilingualText("合作", "Cooperation"),
            [FocusArea.HighLevelTalentServices], new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), at));
        var views = new List<(DateTimeOffset At, JsonNode View)>();
        views.Add((await MomentAsync(), await GetJsonAsync(api.Auditor(), $"/api/v1/audit/views/memoranda/{memorandum.Value}/progress")));
        await AppendAsync(MemorandumDecider.StreamName(memorandum), new MemorandumPartyAdded(memorandum, partner, PartyRole.PartnerOrganisation, new BilingualText("商会", "Chamber"), at));
        var commitment = CommitmentId.New();
        await AppendAsync(CommitmentDecider.StreamName(commitment), new CommitmentProposed(
            commitment, memorandum, FocusArea.HighLevelTalentServices, partner, new BilingualText("服务", "Service"),
            new DateOnly(2024, 12, 31), 2m, new DateOnly(2024, 9, 1), "office-1", at));
        await AppendAsync(CommitmentDecider.StreamName(CommitmentId.New()), new CommitmentProposed(
            CommitmentId.New(), MemorandumId.New(), FocusArea.HighLevelTalentServices, partner, new BilingualText("别的", "Other"),
            new DateOnly(2024, 12, 31), 1m, new DateOnly(2024, 9, 1), "office-1", at));
        views.Add((await MomentAsync(), await GetJsonAsync(api.Auditor(), $"/api/v1/audit/views/memoranda/{memorandum.Value}/progress")));

        foreach (var (moment, view) in views)
        {
            var asOf = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/views/memoranda/{memorandum.Value}/progress?asOf={Q(moment)}");
            asOf["parties"]!.GetValue<int>().Should().Be(view["parties"]!.GetValue<int>());
            asOf["commitments"]!.ToJsonString().Should().Be(view["commitments"]!.ToJsonString());
        }

        var csv = await api.Auditor().GetStringAsync($"/api/v1/audit/views/memoranda/{memorandum.Value}/progress.csv?asOf={Q(views[1].At)}");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.Contain(l => l.Contains(commitment.Value.ToString(), StringComparison.Ordinal));
        views[0].View["commitments"]!.AsArray().Should().BeEmpty();
        views[1].View["commitments"]!.AsArray().Should().ContainSingle("the other memorandum's commitment is not counted");
    }

    [Fact]
    public async Task auditors_cannot_write()
    {
        (await api.Auditor().PostAsync("/api/v1/partners", ApiJson.Body(Partner("Auditor Chamber")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Auditor().PostAsync($"/api/v1/audit/persons/{Guid.NewGuid()}/erase", ApiJson.Body(new { reason = "because" })))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"reason\":\"x\"}")]
    [InlineData("{}")]
    [InlineData("{\"reason\":42}")]
    [InlineData("not json")]
    public async Task an_erasure_without_a_usable_reason_is_400_problem_and_writes_nothing(string body)
    {
        var person = Guid.NewGuid();

        var response = await api.Office().PostAsync($"/api/v1/audit/persons/{person}/erase", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream=person-{person}"))["entries"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task a_partner_sees_its_own_entries_but_not_another_partners()
    {
        var own = await RegisterAsync("Own Chamber");
        var other = await RegisterAsync("Other Chamber");
        var partner = api.Partner(own);

        var mine = await GetJsonAsync(partner, $"/api/v1/audit/events?module=partners&limit=1000");
        var theirs = await partner.GetAsync($"/api/v1/audit/streams/partner-{other}/history");
        var otherState = await partner.GetAsync($"/api/v1/audit/streams/partner-{other}/state");

        var streams = mine["entries"]!.AsArray().Select(e => e!["stream"]!.GetValue<string>()).ToList();
        streams.Should().Contain($"partner-{own}").And.NotContain($"partner-{other}");
        theirs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherState.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await partner.GetAsync("/api/v1/audit/export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Observer(Guid.NewGuid()).GetAsync("/api/v1/audit/events")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_partner_sees_the_memoranda_it_is_party_to_and_another_partner_does_not()
    {
        var party = PartnerId.New();
        var outsider = PartnerId.New();
        var memorandum = MemorandumId.New();
        var stream = MemorandumDecider.StreamName(memorandum);
        await AppendAsync(stream, new MemorandumDrafted(
            memorandum, new BilingualText("备忘录", "Memorandum"), new BilingualText("合作", "Cooperation"),
            [FocusArea.HighLevelTalentServices], new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), DateTimeOffset.UtcNow));
        await AppendAsync(stream, new MemorandumPartyAdded(memorandum, party, PartyRole.PartnerOrganisation, new BilingualText("商会", "Chamber"), DateTimeOffset.UtcNow));

        var seen = await GetJsonAsync(api.Partner(party.Value), $"/api/v1/audit/events?stream={stream}");
        var history = await api.Partner(party.Value).GetAsync($"/api/v1/audit/streams/{stream}/history");
        var hidden = await GetJsonAsync(api.Partner(outsider.Value), $"/api/v1/audit/events?stream={stream}");
        var hiddenHistory = await api.Partner(outsider.Value).GetAsync($"/api/v1/audit/streams/{stream}/history");
        var hiddenView = await api.Partner(outsider.Value).GetAsync($"/api/v1/audit/views/memoranda/{memorandum.Value}/progress");

        seen["entries"]!.AsArray().Should().HaveCount(2, "the whole memorandum stream concerns its party");
        history.StatusCode.Should().Be(HttpStatusCode.OK);
        hidden["entries"]!.AsArray().Should().BeEmpty();
        hiddenHistory.StatusCode.Should().Be(HttpStatusCode.NotFound);
        hiddenView.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task after_erasure_personal_fields_read_as_erased_in_events_history_state_and_export_and_the_chain_verifies()
    {
        var caseId = TalentCaseId.New();
        var robert = new PersonalDetails(PersonId.New(), "Robert Popescu", "robert.popescu@example.ro", null);
        await AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, robert));
        var stream = TalentCaseDecider.StreamName(caseId);
        (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream={stream}")).ToJsonString().Should().Contain("Robert Popescu");

        var erase = await api.Office().PostAsync($"/api/v1/audit/persons/{robert.Person.Value}/erase", ApiJson.Body(new { reason = "Request ref. PIPL-2024-17" }));

        erase.StatusCode.Should().Be(HttpStatusCode.OK, await erase.Content.ReadAsStringAsync());
        var events = (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream={stream}")).ToJsonString();
        var history = (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/{stream}/history")).ToJsonString();
        var state = (await GetJsonAsync(api.Auditor(), $"/api/v1/audit/streams/{stream}/state")).ToJsonString();
        var export = await api.Auditor().GetStringAsync($"/api/v1/audit/export?stream={stream}");
        foreach (var text in new[] { events, history, state, export })
        {
            text.Should().NotContain("Robert").And.NotContain("popescu");
        }

        events.Should().Contain("[erased]").And.Contain("\"nationality\":\"RO\"");
        var erasure = await GetJsonAsync(api.Auditor(), $"/api/v1/audit/events?stream=person-{robert.Person.Value}");
        erasure["entries"]![0]!["data"]!["reason"]!.GetValue<string>().Should().Be("Request ref. PIPL-2024-17");
        (await GetJsonAsync(api.Auditor(), "/api/v1/audit/chain/verify"))["isValid"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task a_checkpoint_signed_through_the_api_verifies_and_an_edited_one_does_not()
    {
        await RegisterAsync("Checkpoint Chamber");
        var signed = await api.Auditor().GetAsync("/api/v1/audit/checkpoints/current");
        signed.StatusCode.Should().Be(HttpStatusCode.OK);
        var checkpoint = await signed.ReadJsonAsync();

        var ok = await (await api.Auditor().PostAsync("/api/v1/audit/checkpoints/verify", ApiJson.Body(checkpoint.ToJsonString()))).ReadJsonAsync();
        checkpoint["position"] = checkpoint["position"]!.GetValue<long>() - 1;
        var forged = await (await api.Auditor().PostAsync("/api/v1/audit/checkpoints/verify", ApiJson.Body(checkpoint.ToJsonString()))).ReadJsonAsync();

        ok["isValid"]!.GetValue<bool>().Should().BeTrue(ok.ToJsonString());
        forged["isValid"]!.GetValue<bool>().Should().BeFalse();
        forged["finding"]!.GetValue<string>().Should().Be("SignatureInvalid");
    }

    [Fact]
    public async Task an_export_round_trips_into_a_fresh_store_with_identical_hashes_and_resumes_from_a_position()
    {
        var id = await RegisterAsync("Export Chamber");
        await RenameAsync(id, "Export Chamber 2");
        var full = await api.Auditor().GetStringAsync("/api/v1/audit/export");
        var lines = full.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var resumed = await api.Auditor().GetStringAsync($"/api/v1/audit/export?fromPosition={lines.Length}");
        resumed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(lines[^1]);

        var directory = Path.Combine(Path.GetTempPath(), "collaboration-audit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new ReplayClock();
        await using var fresh = new SqliteEventStore(new SqliteEventStoreOptions { Path = Path.Combine(directory, "copy.db") }, clock);
        var result = await NdjsonImport.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(full)), fresh, clock);

        result.Imported.Should().Be(lines.Length);
        result.HashesMatch.Should().BeTrue($"first mismatch at {result.FirstMismatch}");
        var head = await fresh.ReadChainHeadAsync();
        var source = JsonNode.Parse(lines[^1])!;
        head.Position.Should().Be(source["position"]!.GetValue<long>());
        Convert.ToHexStringLower(head.Hash.Span).Should().Be(source["hash"]!.GetValue<string>());
        (await fresh.VerifyAsync()).IsValid.Should().BeTrue();
    }
}
