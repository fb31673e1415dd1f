using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Audit;

public sealed class AuditViewsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> RegisterAsync(string en)
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind = "ChamberOfCommerce",
            name = new { zh = "上海国际商会", en },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task auditor_reads_any_view_document_as_of_a_moment_through_the_projections()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await RegisterAsync("As-of View Chamber");
        await Task.Delay(5);
        var after = DateTimeOffset.UtcNow;

        var response = await api.Auditor().GetAsync($"/api/v1/audit/views/partners/{id}?asOf={Q(after)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        json["view"]!.GetValue<string>().Should().Be("partners");
        json["document"]!["name"]!["en"]!.GetValue<string>().Should().Be("As-of View Chamber");

        (await api.Auditor().GetAsync($"/api/v1/audit/views/partners/{id}?asOf={Q(before)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Auditor().GetAsync($"/api/v1/audit/views/no-such-view/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Auditor().GetAsync($"/api/v1/audit/views/overview?asOf={Q(after)}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Partner(id).GetAsync($"/api/v1/audit/views/partners/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Partner(id).GetAsync($"/api/v1/audit/views/overview")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_view_exports_as_csv_with_a_header_and_one_row_per_document_for_auditors_only()
    {
        var id = await RegisterAsync("CSV Chamber, \"Ltd\"");
        await api.WaitForViewsAsync(await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync());
        var documents = await api.Services.GetRequiredService<IViewReader>().ListAsync("partners", null);

        var response = await api.Auditor().GetAsync("/api/v1/audit/export/views/partners.csv");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("key,position,").And.Contain("name.en");
        lines.Should().HaveCount(documents.Count + 1);
        lines.Should().Contain(l => l.StartsWith(id.ToString("D"), StringComparison.Ordinal) && l.Contains("\"CSV Chamber, \"\"Ltd\"\"\"", StringComparison.Ordinal));

        (await api.Partner(id).GetAsync("/api/v1/audit/export/views/partners.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Auditor().GetAsync("/api/v1/audit/export/views/no-such-view.csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
