using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

/// <summary>The memorandum's life through the API: draft, parties, signing (with If-Match), amendments and status changes.</summary>
public sealed class MemorandaApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Reason(string en) => new { reason = new { zh = "原因", en } };

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync())["code"]?.GetValue<string>();

    private async Task<System.Text.Json.Nodes.JsonNode> ReadAsync(Guid memorandum) =>
        await (await api.Office().GetAsync($"/api/v1/memoranda/{memorandum}")).ReadJsonAsync();

    [Fact]
    public async Task signed_memorandum_scenario_reads_back_active_with_its_parties_and_signatories()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().GetAsync($"/api/v1/memoranda/{signed.Memorandum}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ETagRevision().Should().Be(signed.Revision);
        var json = await response.ReadJsonAsync();
        json["status"]!.GetValue<string>().Should().Be("Active");
        json["parties"]!.AsArray().Should().HaveCount(3);
        json["signatories"]!.AsArray().Should().HaveCount(3);
        json["signedOn"]!.GetValue<string>().Should().Be("2024-09-20");
        json["place"]!["en"]!.GetValue<string>().Should().Be("Ruihong Enterprise World");
        json["amendmentCount"]!.GetValue<int>().Should().Be(0);
        json["packages"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task office_drafts_a_memorandum_which_reads_back_as_a_draft_without_parties()
    {
        var response = await api.Office().PostAsync("/api/v1/memoranda", ApiJson.Body(Scenario.DraftBody()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/memoranda/{id}");
        var json = await ReadAsync(id);
        json["status"]!.GetValue<string>().Should().Be("Draft");
        json["parties"]!.AsArray().Should().BeEmpty();
        json["focusAreas"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Contain("ParkIndustrialPolicy");
        json["signedOn"].Should().BeNull();
    }

    [Fact]
    public async Task added_party_keeps_its_role_and_the_name_it_was_added_under()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);

        var parties = (await ReadAsync(draft.Memorandum))["parties"]!.AsArray();

        parties.Should().HaveCount(3);
        var office = parties.Single(p => p!["partner"]!.GetValue<Guid>() == draft.DistrictOffice)!;
        office["role"]!.GetValue<string>().Should().Be("DistrictOffice");
        office["name"]!["en"]!.GetValue<string>().Should().Be("Hongkou District Government Office");
    }

    [Fact]
    public async Task removed_party_is_no_longer_listed()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties/{draft.PartnerB}/remove", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadAsync(draft.Memorandum))["parties"]!.AsArray().Select(p => p!["partner"]!.GetValue<Guid>())
            .Should().BeEquivalentTo([draft.DistrictOffice, draft.PartnerA]);
    }

    [Fact]
    public async Task signing_with_the_revision_just_read_answers_the_next_revision()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/memoranda/{draft.Memorandum}/sign", Scenario.SignBody(draft), ifMatch: draft.Revision));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ETagRevision().Should().Be(draft.Revision + 1);
        (await ReadAsync(draft.Memorandum))["status"]!.GetValue<string>().Should().Be("Active");
    }

    [Fact]
    public async Task signing_a_draft_that_changed_since_it_was_read_is_412_and_signs_nothing()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        // Someone removes partner B after the signer read the draft.
        (await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties/{draft.PartnerB}/remove", null)).EnsureSuccessStatusCode();

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/memoranda/{draft.Memorandum}/sign", Scenario.SignBody(draft), ifMatch: draft.Revision));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await CodeAsync(response)).Should().Be("request.precondition-failed");
        (await ReadAsync(draft.Memorandum))["status"]!.GetValue<string>().Should().Be("Draft");
    }

    [Fact]
    public async Task amendment_is_numbered_and_changes_the_term_and_focus_areas()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var amendment = new
        {
            reason = new { zh = "扩大合作", en = "Wider cooperation" },
            text = new { zh = "增加政策宣传", en = "Adds policy publicity" },
            focusAreas = new[] { "PolicyPublicity", "HighLevelTalentServices" },
            termEnd = new DateOnly(2027, 8, 31),
        };

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/amend", ApiJson.Body(amendment));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await ReadAsync(signed.Memorandum);
        json["amendmentCount"]!.GetValue<int>().Should().Be(1);
        json["termEnd"]!.GetValue<string>().Should().Be("2027-08-31");
        json["focusAreas"]!.AsArray().Select(a => a!.GetValue<string>()).Should().BeEquivalentTo(["PolicyPublicity", "HighLevelTalentServices"]);
    }

    [Fact]
    public async Task amendment_may_omit_focus_areas_and_term_end_to_keep_them()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/amend",
            ApiJson.Body(new { reason = new { zh = "更正", en = "Correction" }, text = new { zh = "条款", en = "Clause" } }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await ReadAsync(signed.Memorandum);
        json["amendmentCount"]!.GetValue<int>().Should().Be(1);
        json["termEnd"]!.GetValue<string>().Should().Be("2026-08-31");
    }

    [Fact]
    public async Task suspended_memorandum_shows_its_reason_and_resumes_to_active()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var suspended = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/suspend", ApiJson.Body(Reason("Partner reorganising")));

        suspended.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await ReadAsync(signed.Memorandum);
        json["status"]!.GetValue<string>().Should().Be("Suspended");
        json["statusReason"]!["en"]!.GetValue<string>().Should().Be("Partner reorganising");

        var resumed = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/resume", null);

        resumed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadAsync(signed.Memorandum))["status"]!.GetValue<string>().Should().Be("Active");
    }

    [Fact]
    public async Task completed_memorandum_reads_as_completed()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/complete", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadAsync(signed.Memorandum))["status"]!.GetValue<string>().Should().Be("Completed");
    }

    [Fact]
    public async Task terminated_memorandum_reads_as_terminated_with_its_reason()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/terminate", ApiJson.Body(Reason("Partner dissolved")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await ReadAsync(signed.Memorandum);
        json["status"]!.GetValue<string>().Should().Be("Terminated");
        json["statusReason"]!["en"]!.GetValue<string>().Should().Be("Partner dissolved");
    }

    [Fact]
    public async Task adding_a_partner_that_is_not_registered_is_422_naming_the_missing_partner()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum}/parties",
            ApiJson.Body(new { partner = Guid.NewGuid(), role = "PartnerOrganisation" }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.partner-unknown");
    }

    [Fact]
    public async Task a_second_district_office_is_refused_with_district_office_duplicate()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        var another = await Scenario.PartnerAsync(api, "GovernmentDepartment", "虹口区商务委员会", "Hongkou Commerce Commission");

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties",
            ApiJson.Body(new { partner = another, role = "DistrictOffice" }));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(response)).Should().Be("memorandum.district-office-duplicate");
    }

    [Fact]
    public async Task a_chamber_of_commerce_cannot_sign_for_the_district()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);
        var chamber = await Scenario.PartnerAsync(api, "ChamberOfCommerce", "上海国际商会", "SICC");

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum}/parties",
            ApiJson.Body(new { partner = chamber, role = "DistrictOffice" }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.district-office-not-government");
    }

    [Fact]
    public async Task deactivated_partner_cannot_become_a_party()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);
        var partner = await Scenario.PartnerAsync(api, "IndustryAssociation", "协会", "Association");
        (await api.Office().PostAsync($"/api/v1/partners/{partner}/deactivate", ApiJson.Body(Reason("Merged")))).EnsureSuccessStatusCode();

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum}/parties",
            ApiJson.Body(new { partner, role = "PartnerOrganisation" }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.partner-inactive");
    }

    [Fact]
    public async Task removing_a_partner_that_is_not_a_party_is_refused_with_party_unknown()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties/{Guid.NewGuid()}/remove", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CodeAsync(response)).Should().Be("memorandum.party-unknown");
    }

    [Fact]
    public async Task signing_without_every_partys_signatory_is_refused_with_signatory_missing()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        var body = new
        {
            signatories = new[] { new { party = draft.DistrictOffice, name = "Chen Hua", title = new { zh = "主任", en = "Director" } } },
            signedOn = Scenario.SignedOn,
            place = new { zh = "瑞虹企业天地", en = "Ruihong Enterprise World" },
        };

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/sign", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.signatory-missing");
    }

    [Fact]
    public async Task signing_an_already_signed_memorandum_is_refused_with_not_draft()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/sign", ApiJson.Body(Scenario.SignBody(signed)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-draft");
    }

    [Fact]
    public async Task adding_a_party_after_signing_is_refused_with_not_draft()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var late = await Scenario.PartnerAsync(api, "Enterprise", "企业", "Enterprise");

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/parties", ApiJson.Body(new { partner = late, role = "PartnerOrganisation" }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-draft");
    }

    [Fact]
    public async Task amending_a_draft_is_refused_with_not_active()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum}/amend",
            ApiJson.Body(new { reason = new { zh = "原因", en = "Reason" }, text = new { zh = "条款", en = "Clause" } }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-active");
    }

    [Fact]
    public async Task suspending_without_a_reason_is_refused_with_reason_required()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/suspend", ApiJson.Body(new { reason = new { zh = " ", en = "" } }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("memorandum.reason-required");
    }

    [Fact]
    public async Task resuming_an_active_memorandum_is_refused_with_not_suspended()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/resume", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-suspended");
    }

    [Fact]
    public async Task completing_a_suspended_memorandum_is_refused_with_not_active()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        (await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/suspend", ApiJson.Body(Reason("Pause")))).EnsureSuccessStatusCode();

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/complete", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-active");
    }

    [Fact]
    public async Task terminating_a_completed_memorandum_is_refused_with_not_terminable()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        (await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/complete", null)).EnsureSuccessStatusCode();

        var response = await api.Office().PostAsync($"/api/v1/memoranda/{signed.Memorandum}/terminate", ApiJson.Body(Reason("Too late")));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-terminable");
    }

    [Fact]
    public async Task draft_whose_term_ends_before_it_starts_is_refused_with_term_invalid()
    {
        var body = new
        {
            title = new { zh = "备忘录", en = "Memorandum" },
            purpose = new { zh = "目的", en = "Purpose" },
            focusAreas = new[] { "PolicyPublicity" },
            termStart = new DateOnly(2025, 1, 1),
            termEnd = new DateOnly(2024, 12, 31),
        };

        var response = await api.Office().PostAsync("/api/v1/memoranda", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("memorandum.term-invalid");
    }

    [Fact]
    public async Task unknown_memorandum_is_404_for_reads_and_actions()
    {
        var unknown = Guid.NewGuid();
        var office = api.Office();

        (await office.GetAsync($"/api/v1/memoranda/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await office.PostAsync($"/api/v1/memoranda/{unknown}/resume", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await office.PostAsync($"/api/v1/memoranda/{unknown}/suspend", ApiJson.Body(Reason("x")))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var partner = await Scenario.PartnerAsync(api, "Enterprise", "企业", "Enterprise");
        (await office.PostAsync($"/api/v1/memoranda/{unknown}/parties", ApiJson.Body(new { partner, role = "PartnerOrganisation" })))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
