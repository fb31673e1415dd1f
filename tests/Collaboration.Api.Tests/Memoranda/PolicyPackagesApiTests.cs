using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

/// <summary>Enterprise Policy Service Packages: delivered by the office, read and acknowledged by the receiving partner only.</summary>
public sealed class PolicyPackagesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync())["code"]?.GetValue<string>();

    private static string Packages(MemorandumScenario m) => $"/api/v1/memoranda/{m.Memorandum}/packages";

    private static object Delivery(Guid party, params Guid[] policies) => new { party, policies, deliveredOn = Scenario.SignedOn.AddDays(3) };

    [Fact]
    public async Task office_delivers_a_package_answered_201_with_the_packages_location_and_id()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.PartnerA, policy, policy)));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var package = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"{Packages(signed)}/{package}");
        response.ETagRevision().Should().Be(signed.Revision + 1);
        var read = await api.Office().GetAsync(response.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await read.ReadJsonAsync();
        json["party"]!.GetValue<Guid>().Should().Be(signed.PartnerA);
        json["policies"]!.AsArray().Select(p => p!.GetValue<Guid>()).Should().Equal(policy);
        json["deliveredOn"]!.GetValue<string>().Should().Be("2024-09-23");
        json["isAcknowledged"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task delivery_without_a_date_is_dated_today_in_district_time()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(new { party = signed.PartnerA, policies = new[] { policy } }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var json = await (await api.Office().GetAsync(response.Headers.Location)).ReadJsonAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        DateOnly.Parse(json["deliveredOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(today.AddDays(-1)).And.BeOnOrBefore(today);
    }

    [Fact]
    public async Task receiving_partner_acknowledges_its_package()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));

        var response = await api.Partner(signed.PartnerA).PostAsync($"{Packages(signed)}/{package}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await (await api.Partner(signed.PartnerA).GetAsync($"{Packages(signed)}/{package}")).ReadJsonAsync();
        json["isAcknowledged"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task acknowledging_twice_is_refused_with_package_already_acknowledged()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));
        var partner = api.Partner(signed.PartnerA);
        (await partner.PostAsync($"{Packages(signed)}/{package}/acknowledge", null)).EnsureSuccessStatusCode();

        var response = await partner.PostAsync($"{Packages(signed)}/{package}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(response)).Should().Be("memorandum.package-already-acknowledged");
    }

    [Fact]
    public async Task acknowledging_an_unknown_package_is_refused_with_package_unknown()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Partner(signed.PartnerA).PostAsync($"{Packages(signed)}/{Guid.NewGuid()}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CodeAsync(response)).Should().Be("memorandum.package-unknown");
    }

    [Fact]
    public async Task partner_cannot_acknowledge_a_package_delivered_to_another_party_and_is_told_it_does_not_exist()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));

        var response = await api.Partner(signed.PartnerB).PostAsync($"{Packages(signed)}/{package}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CodeAsync(response)).Should().Be("resource.not-found");
        var json = await (await api.Office().GetAsync($"{Packages(signed)}/{package}")).ReadJsonAsync();
        json["isAcknowledged"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task partner_outside_the_memorandum_cannot_acknowledge_and_is_told_it_does_not_exist()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));

        var response = await api.Partner(Guid.NewGuid()).PostAsync($"{Packages(signed)}/{package}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("auditor")]
    public async Task only_the_receiving_partner_acknowledges_not_the_office_or_an_auditor(string role)
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));
        var client = role == "office" ? api.Office() : api.Auditor();

        var response = await client.PostAsync($"{Packages(signed)}/{package}/acknowledge", null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task partner_reads_its_own_package_but_not_another_partys()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);
        var forA = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, policy);

        (await api.Partner(signed.PartnerA).GetAsync($"{Packages(signed)}/{forA}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Partner(signed.PartnerB).GetAsync($"{Packages(signed)}/{forA}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Auditor().GetAsync($"{Packages(signed)}/{forA}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task memorandum_view_lists_to_a_partner_only_the_packages_delivered_to_it()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);
        var forA = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, policy);
        var forB = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerB, policy);

        var asA = await (await api.Partner(signed.PartnerA).GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).ReadJsonAsync();
        var asOffice = await (await api.Office().GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).ReadJsonAsync();

        asA["packages"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().Equal(forA);
        asOffice["packages"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().BeEquivalentTo([forA, forB]);
    }

    [Fact]
    public async Task delivering_a_retired_policy_is_refused_with_package_policy_retired()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);
        (await api.Office().PostAsync($"/api/v1/policies/{policy}/retire", ApiJson.Body(new { reason = new { zh = "废止", en = "Retired" } }))).EnsureSuccessStatusCode();

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.PartnerA, policy)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.package-policy-retired");
    }

    [Fact]
    public async Task delivering_an_unpublished_policy_is_422_naming_the_missing_policy()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var missing = Guid.NewGuid();

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.PartnerA, missing)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var json = await response.ReadJsonAsync();
        json["code"]!.GetValue<string>().Should().Be("memorandum.package-policy-unknown");
        json["message"]!["en"]!.GetValue<string>().Should().Contain(missing.ToString());
    }

    [Fact]
    public async Task delivering_to_the_district_office_is_refused_with_recipient_not_partner()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.DistrictOffice, await Scenario.PublishedPolicyAsync(api))));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.package-recipient-not-partner");
    }

    [Fact]
    public async Task delivering_an_empty_package_is_refused_with_package_policy_required()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.PartnerA)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodeAsync(response)).Should().Be("memorandum.package-policy-required");
    }

    [Fact]
    public async Task delivering_before_the_signing_date_is_refused_with_delivery_before_signing()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var body = new { party = signed.PartnerA, policies = new[] { await Scenario.PublishedPolicyAsync(api) }, deliveredOn = Scenario.SignedOn.AddDays(-1) };

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.delivery-before-signing");
    }

    [Fact]
    public async Task delivering_under_a_draft_is_refused_with_not_active()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);

        var response = await api.Office().PostAsync(Packages(draft), ApiJson.Body(Delivery(draft.PartnerA, await Scenario.PublishedPolicyAsync(api))));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("memorandum.not-active");
    }

    [Fact]
    public async Task retried_delivery_with_the_same_idempotency_key_delivers_one_package()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var body = Delivery(signed.PartnerA, await Scenario.PublishedPolicyAsync(api));
        var key = Guid.NewGuid().ToString();

        var first = await api.Office().SendAsync(ApiJson.Post(Packages(signed), body, idempotencyKey: key));
        var second = await api.Office().SendAsync(ApiJson.Post(Packages(signed), body, idempotencyKey: key));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await second.CreatedIdAsync()).Should().Be(await first.CreatedIdAsync());
        var json = await (await api.Office().GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).ReadJsonAsync();
        json["packages"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task delivery_whose_policies_are_not_a_list_is_a_400_problem()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body($$"""{"party":"{{signed.PartnerA}}","policies":"all"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task delivery_of_more_than_fifty_policies_is_a_400_naming_the_field()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policies = Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToArray();

        var response = await api.Office().PostAsync(Packages(signed), ApiJson.Body(Delivery(signed.PartnerA, policies)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("policies");
    }

    [Fact]
    public async Task acknowledgement_with_a_malformed_if_match_is_a_400_problem()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var package = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, await Scenario.PublishedPolicyAsync(api));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Packages(signed)}/{package}/acknowledge");
        request.Headers.TryAddWithoutValidation("If-Match", "yesterday");

        var response = await api.Partner(signed.PartnerA).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("If-Match");
    }
}
