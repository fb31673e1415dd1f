using System.Net;
using System.Text.RegularExpressions;
using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Authorization;

/// <summary>
/// The data side of the matrix: a partner that is not party to another memorandum tries every memorandum,
/// commitment and progress-report endpoint on that memorandum's resources (routes from the routing table, ids of
/// the victim's data). Every read answers 404 as if nothing existed, every write 403 or 404, and the victim's
/// streams do not move.
/// </summary>
public sealed partial class PartnerIsolationTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private SignedMemorandumScenario victim = null!;
    private Guid commitment;
    private Guid milestone;
    private Guid report;
    private Guid package;

    public async Task InitializeAsync()
    {
        victim = await api.SignedMemorandumAsync();
        commitment = await api.AcceptedCommitmentAsync(victim, victim.PartnerA);
        var office = api.Office();
        var added = await office.PostAsync($"/api/v1/commitments/{commitment}/milestones",
            ApiJson.Body(new { title = new { zh = "第一阶段", en = "Stage one" }, dueDate = victim.Today.AddDays(30), share = 50m }));
        added.EnsureSuccessStatusCode();
        milestone = await added.CreatedIdAsync();
        var submitted = await api.Partner(victim.PartnerA).PostAsync($"/api/v1/commitments/{commitment}/progress-reports",
            ApiJson.Body(new { percent = 20m, narrative = new { zh = "进展顺利", en = "On track" }, asOf = victim.Today }));
        submitted.EnsureSuccessStatusCode();
        report = await submitted.CreatedIdAsync();
        var policy = await Scenario.PublishedPolicyAsync(api);
        var delivered = await office.PostAsync($"/api/v1/memoranda/{victim.Memorandum}/packages",
            ApiJson.Body(new { party = victim.PartnerA, policies = new[] { policy }, deliveredOn = victim.Today }));
        delivered.EnsureSuccessStatusCode();
        package = await delivered.CreatedIdAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Valid bodies for every write a partner role may send on these resources; a new one must be added here.</summary>
    private Dictionary<string, object?> PartnerWrites() => new(StringComparer.Ordinal)
    {
        ["POST /api/v1/commitments"] = new
        {
            memorandum = victim.Memorandum, focusArea = "HighLevelTalentServices", owner = victim.Outsider,
            description = new { zh = "越权承诺", en = "Out-of-scope commitment" }, dueDate = victim.DueDate, weight = 1m,
        },
        ["POST /api/v1/commitments/{id}/milestones"] = new { title = new { zh = "越权", en = "Intrusion" }, dueDate = victim.Today.AddDays(20), share = 10m },
        ["POST /api/v1/commitments/{id}/milestones/{milestoneId}/reschedule"] = new { newDueDate = victim.Today.AddDays(40), reason = new { zh = "越权", en = "Intrusion" } },
        ["POST /api/v1/commitments/{id}/milestones/{milestoneId}/complete"] = null,
        ["POST /api/v1/commitments/{id}/progress-reports"] = new { percent = 99m, narrative = new { zh = "越权", en = "Intrusion" }, asOf = victim.Today },
        ["POST /api/v1/memoranda/{id}/packages/{packageId}/acknowledge"] = null,
    };

    private static IEnumerable<ApiEndpoint> VictimEndpoints(string method) =>
        ApiEndpoints.List.Where(e => e.Method == method
            && e.Roles.Contains(CallerRole.Partner)
            && (e.Route.StartsWith("/api/v1/memoranda", StringComparison.Ordinal) || e.Route.StartsWith("/api/v1/commitments", StringComparison.Ordinal)));

    private string Concrete(string route)
    {
        var template = Template(route);
        var id = template.StartsWith("/api/v1/memoranda", StringComparison.Ordinal) ? victim.Memorandum : commitment;
        return template.Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{milestoneId}", milestone.ToString(), StringComparison.Ordinal)
            .Replace("{reportId}", report.ToString(), StringComparison.Ordinal)
            .Replace("{packageId}", package.ToString(), StringComparison.Ordinal)
            .Replace("{partnerId}", victim.PartnerA.ToString(), StringComparison.Ordinal);
    }

    private static string Template(string route) => Constraint().Replace(route, "{$1}");

    [Fact]
    public void every_partner_write_on_memoranda_and_commitments_is_in_the_matrix()
    {
        var writes = PartnerWrites();

        VictimEndpoints("POST").Select(e => $"POST {Template(e.Route)}").Should().BeSubsetOf(writes.Keys);
        VictimEndpoints("GET").Should().NotBeEmpty();
    }

    [Fact]
    public async Task an_outside_partner_reads_nothing_of_another_memorandum()
    {
        var outsider = api.Partner(victim.Outsider);
        foreach (var endpoint in VictimEndpoints("GET").Where(e => e.Route.Contains('{', StringComparison.Ordinal)))
        {
            var response = await outsider.GetAsync(Concrete(endpoint.Route));

            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"GET {endpoint.Route} must not admit the resource exists");
        }
    }

    [Fact]
    public async Task an_outside_partner_writes_nothing_on_another_memorandum_and_its_commitments()
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        var before = await store.ReadHeadPositionAsync();
        var outsider = api.Partner(victim.Outsider);
        foreach (var (route, body) in PartnerWrites())
        {
            var url = Concrete(route["POST ".Length..]);
            var response = await outsider.PostAsync(url, body is null ? null : ApiJson.Body(body));

            response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{route} by an outsider; body {await response.Content.ReadAsStringAsync()}");
        }

        (await store.ReadHeadPositionAsync()).Should().Be(before, "no refused write appends anything");
    }

    [Fact]
    public async Task a_co_party_reads_but_cannot_write_the_owners_commitment()
    {
        var coParty = api.Partner(victim.PartnerB);

        (await coParty.GetAsync($"/api/v1/commitments/{commitment}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var write = await coParty.PostAsync($"/api/v1/commitments/{commitment}/progress-reports",
            ApiJson.Body(new { percent = 99m, narrative = new { zh = "越权", en = "Intrusion" }, asOf = victim.Today }));
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex(@"\{([^:}]+)(:[^}]+)?\}")]
    private static partial Regex Constraint();
}
