using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Policies;

public sealed class PoliciesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Revision(string en = "Housing subsidy for foreign talent, now including R&D staff") => new
    {
        content = new
        {
            title = new { zh = "外籍人才住房补贴", en = "Foreign talent housing subsidy" },
            summary = new { zh = "覆盖研发人员。", en },
            issuingDepartment = new { zh = "虹口区人才工作局", en = "Hongkou Talent Work Bureau" },
            category = "Talent",
            link = (string?)null,
        },
        changes = new { zh = "扩大适用范围", en = "Wider eligibility" },
    };

    private static object Reason => new { reason = new { zh = "已被新政策取代", en = "Superseded by a newer measure" } };

    private HttpClient Client(string role) => role switch
    {
        "office" => api.Office(),
        "auditor" => api.Auditor(),
        "partner" => api.Partner(Guid.NewGuid()),
        _ => api.Observer(Guid.NewGuid()),
    };

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync())["code"]?.GetValue<string>();

    [Fact]
    public async Task office_publishes_a_policy_and_reads_it_back_at_revision_1()
    {
        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(Scenario.PolicyBody()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/policies/{id}");
        var read = await api.Office().GetAsync($"/api/v1/policies/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.ETagRevision().Should().Be(response.ETagRevision());
        var json = await read.ReadJsonAsync();
        json["revision"]!.GetValue<int>().Should().Be(1);
        json["category"]!.GetValue<string>().Should().Be("Talent");
        json["title"]!["zh"]!.GetValue<string>().Should().Be("外籍人才住房补贴");
        json["isRetired"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task revising_a_policy_replaces_its_content_and_numbers_the_revision()
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(Revision()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await (await api.Office().GetAsync($"/api/v1/policies/{id}")).ReadJsonAsync();
        json["revision"]!.GetValue<int>().Should().Be(2);
        json["summary"]!["en"]!.GetValue<string>().Should().Contain("R&D staff");
        json["link"].Should().BeNull();
    }

    [Fact]
    public async Task retired_policy_stays_readable_and_says_why_it_was_retired()
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(Reason));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await (await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/policies/{id}")).ReadJsonAsync();
        json["isRetired"]!.GetValue<bool>().Should().BeTrue();
        json["retirementReason"]!["en"]!.GetValue<string>().Should().Be("Superseded by a newer measure");
    }

    [Fact]
    public async Task revising_a_retired_policy_is_refused_with_policy_retired()
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(Reason));

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(Revision()));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await CodeAsync(response)).Should().Be("policy.retired");
    }

    [Fact]
    public async Task retiring_twice_is_refused_with_policy_retired()
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(Reason));

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(Reason));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("policy.retired");
    }

    [Fact]
    public async Task revision_that_changes_nothing_is_refused_with_policy_unchanged()
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        var same = new { content = Scenario.PolicyBody(), changes = new { zh = "无", en = "None" } };

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(same));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("policy.unchanged");
    }

    [Fact]
    public async Task revision_without_saying_what_changed_is_refused_with_policy_changes_required()
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        var revision = new { content = Scenario.PolicyBody("Renamed"), changes = new { zh = "", en = "" } };

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(revision));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("policy.changes-required");
    }

    [Fact]
    public async Task publishing_without_a_title_is_refused_with_policy_title_required_in_both_languages()
    {
        var body = """{"title":{"zh":" ","en":""},"summary":{"zh":"摘要","en":"Summary"},"issuingDepartment":{"zh":"区科委","en":"Technology Commission"},"category":"Investment","link":null}""";

        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var json = await response.ReadJsonAsync();
        json["code"]!.GetValue<string>().Should().Be("policy.title-required");
        json["message"]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task link_that_is_not_a_web_address_is_refused_with_policy_link_invalid()
    {
        var body = """{"title":{"zh":"标题","en":"Title"},"summary":{"zh":"摘要","en":"Summary"},"issuingDepartment":{"zh":"区科委","en":"Technology Commission"},"category":"Investment","link":"ftp://files.hongkou.example/p.pdf"}""";

        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("policy.link-invalid");
    }

    [Fact]
    public async Task retiring_without_a_reason_is_refused_with_policy_reason_required()
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(new { reason = new { zh = "", en = (string?)null } }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("policy.reason-required");
    }

    [Fact]
    public async Task unknown_category_is_a_400_problem()
    {
        var body = """{"title":{"zh":"标题","en":"Title"},"summary":{"zh":"摘要","en":"Summary"},"issuingDepartment":{"zh":"区科委","en":"Technology Commission"},"category":"Lottery","link":null}""";

        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task overlong_title_is_a_400_naming_the_field()
    {
        var body = new
        {
            title = new { zh = "标题", en = new string('t', 301) },
            summary = new { zh = "摘要", en = "Summary" },
            issuingDepartment = new { zh = "区科委", en = "Technology Commission" },
            category = "Investment",
            link = (string?)null,
        };

        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("title.en");
    }

    [Fact]
    public async Task revision_without_its_changes_field_is_a_400_problem()
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(new { content = Scenario.PolicyBody("Other") }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task retire_reason_of_the_wrong_type_is_a_400_problem()
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body("""{"reason":{"zh":1,"en":"x"}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task revising_with_a_stale_if_match_is_412()
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        (await api.Office().SendAsync(ApiJson.Post($"/api/v1/policies/{id}/revise", Revision(), ifMatch: 0))).StatusCode.Should().Be(HttpStatusCode.OK);

        var stale = await api.Office().SendAsync(ApiJson.Post($"/api/v1/policies/{id}/revise", Revision("Again"), ifMatch: 0));

        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task unknown_policy_is_404_for_reads_and_actions()
    {
        var unknown = Guid.NewGuid();

        (await api.Office().GetAsync($"/api/v1/policies/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Office().PostAsync($"/api/v1/policies/{unknown}/revise", ApiJson.Body(Revision()))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Office().PostAsync($"/api/v1/policies/{unknown}/retire", ApiJson.Body(Reason))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("partner")]
    [InlineData("observer")]
    public async Task only_the_office_writes_the_catalogue(string role)
    {
        var id = await Scenario.PublishedPolicyAsync(api);
        var client = Client(role);

        (await client.PostAsync("/api/v1/policies", ApiJson.Body(Scenario.PolicyBody()))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/policies/{id}/revise", ApiJson.Body(Revision()))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/policies/{id}/retire", ApiJson.Body(Reason))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("partner")]
    [InlineData("observer")]
    public async Task every_role_reads_a_published_policy(string role)
    {
        var id = await Scenario.PublishedPolicyAsync(api);

        var response = await Client(role).GetAsync($"/api/v1/policies/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync())["id"]!.GetValue<Guid>().Should().Be(id);
    }
}
