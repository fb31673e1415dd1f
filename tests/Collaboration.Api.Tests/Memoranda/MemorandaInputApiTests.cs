using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

/// <summary>Malformed, mistyped, missing and out-of-range input per memorandum endpoint: always a 400 problem, never a 5xx.</summary>
public sealed class MemorandaInputApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task ExpectBadRequestAsync(string url, string json, string? field = null)
    {
        var response = await api.Office().PostAsync(url, ApiJson.Body(json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        if (field is not null)
        {
            (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain(k => k.Contains(field, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task draft_without_a_term_end_is_a_400_problem() =>
        await ExpectBadRequestAsync("/api/v1/memoranda",
            """{"title":{"zh":"备忘录","en":"Memorandum"},"purpose":{"zh":"目的","en":"Purpose"},"focusAreas":["PolicyPublicity"],"termStart":"2024-09-01"}""");

    [Fact]
    public async Task draft_with_an_unknown_focus_area_is_a_400_problem() =>
        await ExpectBadRequestAsync("/api/v1/memoranda",
            """{"title":{"zh":"备忘录","en":"Memorandum"},"purpose":{"zh":"目的","en":"Purpose"},"focusAreas":["Tourism"],"termStart":"2024-09-01","termEnd":"2026-08-31"}""");

    [Fact]
    public async Task draft_with_an_overlong_title_is_a_400_naming_the_field()
    {
        var title = new string('备', 301);
        await ExpectBadRequestAsync("/api/v1/memoranda",
            $$"""{"title":{"zh":"{{title}}","en":"Memorandum"},"purpose":{"zh":"目的","en":"Purpose"},"focusAreas":["PolicyPublicity"],"termStart":"2024-09-01","termEnd":"2026-08-31"}""",
            "title.zh");
    }

    [Fact]
    public async Task party_with_an_unknown_role_is_a_400_problem()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{memorandum}/parties", $$"""{"partner":"{{Guid.NewGuid()}}","role":"Observer"}""");
    }

    [Fact]
    public async Task party_whose_partner_is_not_an_id_is_a_400_problem()
    {
        var (memorandum, _) = await Scenario.DraftMemorandumAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{memorandum}/parties", """{"partner":"SICC","role":"PartnerOrganisation"}""");
    }

    [Fact]
    public async Task removing_a_party_with_a_malformed_if_match_is_a_400_problem()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/memoranda/{draft.Memorandum}/parties/{draft.PartnerB}/remove");
        request.Headers.TryAddWithoutValidation("If-Match", "latest");

        var response = await api.Office().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task signing_with_a_date_that_is_not_a_date_is_a_400_problem()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{draft.Memorandum}/sign",
            """{"signatories":[],"signedOn":"20 September","place":{"zh":"瑞虹企业天地","en":"Ruihong Enterprise World"}}""", "signedOn");
    }

    [Fact]
    public async Task signing_with_an_overlong_signatory_name_is_a_400_naming_the_field()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        var name = new string('x', 201);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{draft.Memorandum}/sign",
            $$$"""{"signatories":[{"party":"{{{draft.PartnerA}}}","name":"{{{name}}}","title":{"zh":"秘书长","en":"Secretary-General"}}],"signedOn":"2024-09-20","place":{"zh":"瑞虹","en":"Ruihong"}}""",
            "signatories[0].name");
    }

    [Fact]
    public async Task amendment_with_a_term_end_of_the_wrong_type_is_a_400_problem()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{signed.Memorandum}/amend",
            """{"reason":{"zh":"原因","en":"Reason"},"text":{"zh":"条款","en":"Clause"},"termEnd":20270831}""");
    }

    [Fact]
    public async Task amendment_with_too_many_focus_areas_is_a_400_naming_the_field()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var areas = string.Join(',', Enumerable.Repeat("\"PolicyPublicity\"", 11));
        await ExpectBadRequestAsync($"/api/v1/memoranda/{signed.Memorandum}/amend",
            $$"""{"reason":{"zh":"原因","en":"Reason"},"text":{"zh":"条款","en":"Clause"},"focusAreas":[{{areas}}]}""", "focusAreas");
    }

    [Fact]
    public async Task suspension_without_a_reason_field_is_a_400_problem()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{signed.Memorandum}/suspend", "{}");
    }

    [Fact]
    public async Task termination_with_malformed_json_is_a_400_problem()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        await ExpectBadRequestAsync($"/api/v1/memoranda/{signed.Memorandum}/terminate", """{"reason":{"zh":"原因","en":"Reason"}""");
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("complete")]
    public async Task bodyless_action_with_a_malformed_if_match_is_a_400_problem(string action)
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/memoranda/{signed.Memorandum}/{action}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"two\"");

        var response = await api.Office().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("If-Match");
    }

    [Fact]
    public async Task completing_with_a_stale_if_match_is_412()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/memoranda/{signed.Memorandum}/complete");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{signed.Revision - 1}\"");

        var response = await api.Office().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }
}
