using System.Net;
using System.Text;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Partners;

public sealed class PartnersApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Sicc(string? reference = null) => new
    {
        kind = "ChamberOfCommerce",
        name = new { zh = "上海国际商会", en = "Shanghai International Chamber of Commerce" },
        contacts = new[] { new { name = "Wang Li", title = "Secretary-General", email = "wang@sicc.example", phone = (string?)null } },
        externalReference = reference,
    };

    private async Task<(Guid Id, long Revision)> RegisterAsync(object body)
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(body));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.CreatedIdAsync(), response.ETagRevision());
    }

    [Fact]
    public async Task office_registers_a_partner_and_reads_it_back_with_its_revision()
    {
        var (id, revision) = await RegisterAsync(Sicc());

        var response = await api.Office().GetAsync($"/api/v1/partners/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ETagRevision().Should().Be(revision);
        var json = await response.ReadJsonAsync();
        json["name"]!["en"]!.GetValue<string>().Should().Be("Shanghai International Chamber of Commerce");
        json["kind"]!.GetValue<string>().Should().Be("ChamberOfCommerce");
    }

    [Fact]
    public async Task a_contact_persons_details_are_sealed_in_the_log_and_read_as_erased_after_erasure()
    {
        var (id, _) = await RegisterAsync(Sicc());
        var stored = await api.Services.GetRequiredService<IEventStore>().ReadStreamAsync(PartnerDecider.StreamName(new PartnerId(id))).ToListAsync();
        var raw = string.Concat(stored.Select(e => Encoding.UTF8.GetString(e.Data.Span)));
        var before = (await (await api.Office().GetAsync($"/api/v1/partners/{id}")).ReadJsonAsync())["contacts"]![0]!;
        var person = before["person"]!.GetValue<Guid>();

        var erase = await api.Office().PostAsync($"/api/v1/audit/persons/{person}/erase", ApiJson.Body(new { reason = "Contact left the chamber; PIPL request" }));
        var after = (await (await api.Office().GetAsync($"/api/v1/partners/{id}")).ReadJsonAsync())["contacts"]![0]!;

        raw.Should().NotContain("wang@sicc.example").And.NotContain("Wang Li").And.Contain("\"sealed\"");
        before["name"]!.GetValue<string>().Should().Be("Wang Li");
        before["email"]!.GetValue<string>().Should().Be("wang@sicc.example");
        erase.StatusCode.Should().Be(HttpStatusCode.OK, await erase.Content.ReadAsStringAsync());
        after["erased"]!.GetValue<bool>().Should().BeTrue();
        after["name"]!.GetValue<string>().Should().Be(PersonalDetails.ErasedMarker);
        after["email"].Should().BeNull();
        after["person"]!.GetValue<Guid>().Should().Be(person);
        after["title"]!.GetValue<string>().Should().Be("Secretary-General", "the post is not personal data");
    }

    [Fact]
    public async Task a_contact_resent_without_an_id_keeps_the_person_it_had()
    {
        var (id, revision) = await RegisterAsync(Sicc());
        var person = (await (await api.Office().GetAsync($"/api/v1/partners/{id}")).ReadJsonAsync())["contacts"]![0]!["person"]!.GetValue<Guid>();
        var update = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{id}/details")
        {
            Content = ApiJson.Body(new
            {
                kind = "ChamberOfCommerce",
                name = new { zh = "上海国际商会", en = "Shanghai International Chamber of Commerce" },
                contacts = new[]
                {
                    new { name = "Wang Li", title = "Secretary-General", email = "wang@sicc.example", phone = (string?)"+86 21 0000 0001" },
                    new { name = "Zhao Min", title = "Deputy", email = "zhao@sicc.example", phone = (string?)null },
                },
            }),
        };
        update.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{revision}\""));

        var updated = await api.Office().SendAsync(update);
        var contacts = (await (await api.Office().GetAsync($"/api/v1/partners/{id}")).ReadJsonAsync())["contacts"]!.AsArray();

        updated.IsSuccessStatusCode.Should().BeTrue(await updated.Content.ReadAsStringAsync());
        contacts[0]!["person"]!.GetValue<Guid>().Should().Be(person);
        contacts[1]!["person"]!.GetValue<Guid>().Should().NotBe(person);
    }

    [Fact]
    public async Task request_without_a_token_is_401()
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/partners/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task partner_cannot_read_another_partner_and_is_told_it_does_not_exist()
    {
        var (other, _) = await RegisterAsync(Sicc());

        var response = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/partners/{other}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task partner_reads_its_own_organisation()
    {
        var (own, _) = await RegisterAsync(Sicc());

        var response = await api.Partner(own).GetAsync($"/api/v1/partners/{own}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task auditor_cannot_register_a_partner()
    {
        var response = await api.Auditor().PostAsync("/api/v1/partners", ApiJson.Body(Sicc()));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task malformed_json_is_a_400_problem_naming_the_field()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body("""{"kind":"ChamberOfCommerce","name":{"zh":"商会","en":5},"contacts":[]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = await response.ReadJsonAsync();
        json["errors"]!.AsObject().Select(p => p.Key).Should().Contain(k => k.Contains("name.en", StringComparison.Ordinal));
    }

    [Fact]
    public async Task unknown_field_is_refused()
    {
        var response = await api.Office().PostAsync("/api/v1/partners",
            ApiJson.Body("""{"kind":"ChamberOfCommerce","name":{"zh":"商会","en":"Chamber"},"contacts":[],"externalReference":null,"colour":"red"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task unknown_enum_value_is_refused()
    {
        var response = await api.Office().PostAsync("/api/v1/partners",
            ApiJson.Body("""{"kind":"Church","name":{"zh":"商会","en":"Chamber"},"contacts":[],"externalReference":null}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task domain_refusal_carries_code_and_bilingual_message()
    {
        var response = await api.Office().PostAsync("/api/v1/partners",
            ApiJson.Body("""{"kind":"ChamberOfCommerce","name":{"zh":"","en":" "},"contacts":[],"externalReference":null}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var json = await response.ReadJsonAsync();
        json["code"]!.GetValue<string>().Should().Be("partner.name-required");
        json["message"]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["message"]!["en"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task oversized_body_is_413()
    {
        var huge = new string('x', 300 * 1024);
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new { kind = "Enterprise", name = new { zh = huge, en = "x" }, contacts = Array.Empty<object>(), externalReference = (string?)null }));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task external_reference_is_unique_across_partners()
    {
        var reference = $"91310000-{Guid.NewGuid():N}";
        await RegisterAsync(Sicc(reference));

        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(Sicc(reference.ToUpperInvariant())));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("partner.reference-taken");
    }

    [Fact]
    public async Task stale_if_match_is_412()
    {
        var (id, revision) = await RegisterAsync(Sicc());
        var update = new { kind = "ChamberOfCommerce", name = new { zh = "上海国际商会", en = "SICC" }, contacts = Array.Empty<object>() };
        var office = api.Office();
        (await office.SendAsync(ApiJson.Post($"/api/v1/partners/{id}/details", update, ifMatch: revision))).StatusCode.Should().Be(HttpStatusCode.OK);

        var stale = await office.SendAsync(ApiJson.Post($"/api/v1/partners/{id}/details", update, ifMatch: revision));

        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task retried_request_with_the_same_idempotency_key_returns_the_first_response_and_appends_nothing()
    {
        var office = api.Office();
        var key = Guid.NewGuid().ToString();
        var first = await office.SendAsync(ApiJson.Post("/api/v1/partners", Sicc(), idempotencyKey: key));
        var second = await office.SendAsync(ApiJson.Post("/api/v1/partners", Sicc(), idempotencyKey: key));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        var firstId = await first.CreatedIdAsync();
        (await second.CreatedIdAsync()).Should().Be(firstId);
        second.ETagRevision().Should().Be(first.ETagRevision());
        var read = await office.GetAsync($"/api/v1/partners/{firstId}");
        read.ETagRevision().Should().Be(0, "the retry appended nothing");
    }
}
