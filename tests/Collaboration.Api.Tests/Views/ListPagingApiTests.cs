using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Views;

/// <summary>Lists page with an opaque cursor: stable under inserts, counted through the visibility policy, refused with stable codes when misused.</summary>
public sealed class ListPagingApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<JsonObject> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var page = JsonNode.Parse(text)!.AsObject();
        if (page["next"] is { } next)
        {
            response.Headers.GetValues("Link").Should().ContainSingle().Which.Should().Be($"<{next.GetValue<string>()}>; rel=\"next\"");
        }
        else
        {
            response.Headers.Contains("Link").Should().BeFalse("the last page has no next link");
        }

        return page;
    }

    private static IEnumerable<Guid> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());

    private async Task<List<TalentCaseId>> OpenCasesAsync(PartnerId referrer, int count, int firstDueDay)
    {
        var ids = new List<TalentCaseId>();
        long position = 0;
        for (var i = 0; i < count; i++)
        {
            var id = TalentCaseId.New();
            ids.Add(id);
            position = await api.OpenedTalentCaseAsync(id, referrer, $"Talent {i}", new DateOnly(2099, 1, firstDueDay + i));
        }

        await api.WaitForViewsAsync(position);
        return ids;
    }

    [Fact]
    public async Task the_talent_case_queue_pages_by_deadline_through_next_links_without_repeats_or_gaps_even_when_cases_arrive_between_pages()
    {
        var referrer = PartnerId.New();
        var cases = await OpenCasesAsync(referrer, 7, firstDueDay: 10);
        var office = api.Office();

        var first = await PageAsync(office, $"/api/v1/talent-cases?partner={referrer}&limit=3");
        Ids(first).Should().Equal(cases.Take(3).Select(c => c.Value), "nearest deadline first");
        first["total"]!.GetValue<long>().Should().Be(7);

        // Arrivals before the cursor (an earlier deadline) and after it: the next pages neither repeat nor skip.
        var early = await OpenCasesAsync(referrer, 1, firstDueDay: 1);
        var late = await OpenCasesAsync(referrer, 1, firstDueDay: 28);

        var seen = Ids(first).ToList();
        var page = first;
        while (page["next"] is { } next)
        {
            page = await PageAsync(office, next.GetValue<string>());
            page["items"]!.AsArray().Count.Should().BeLessThanOrEqualTo(3);
            seen.AddRange(Ids(page));
        }

        seen.Should().Equal([.. cases.Select(c => c.Value), late[0].Value], "the walk continues after the cursor; the earlier arrival is on page one now");
        page["total"]!.GetValue<long>().Should().Be(9);
        (await PageAsync(office, $"/api/v1/talent-cases?partner={referrer}&limit=1"))["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>().Should().Be(early[0].Value);
        Ids(await PageAsync(office, $"/api/v1/talent-cases?partner={referrer}&limit=2&sort=-dueOn")).Should().Equal(late[0].Value, cases[6].Value);
    }

    [Fact]
    public async Task a_partners_page_and_total_count_only_the_cases_it_referred()
    {
        var referrer = PartnerId.New();
        var own = await OpenCasesAsync(referrer, 3, firstDueDay: 10);
        await OpenCasesAsync(PartnerId.New(), 4, firstDueDay: 10);

        var seen = new List<Guid>();
        var page = await PageAsync(api.Partner(referrer.Value), "/api/v1/talent-cases?limit=2");
        page["total"]!.GetValue<long>().Should().Be(3);
        seen.AddRange(Ids(page));
        page = await PageAsync(api.Partner(referrer.Value), page["next"]!.GetValue<string>());
        seen.AddRange(Ids(page));
        page["next"].Should().BeNull();
        seen.Should().Equal(own.Select(c => c.Value));
    }

    [Theory]
    [InlineData("/api/v1/talent-cases?limit=0", "page.limit-out-of-range")]
    [InlineData("/api/v1/talent-cases?limit=201", "page.limit-out-of-range")]
    [InlineData("/api/v1/commitments?limit=-5", "page.limit-out-of-range")]
    [InlineData("/api/v1/talent-cases?after=not-a-cursor", "page.cursor-invalid")]
    [InlineData("/api/v1/partners?after=WzEsImNvbW1pdG1lbnRzIiwiZHVlRGF0ZSIsIjIwMjQtMDEtMDEiLCJrIl0", "page.cursor-invalid")]
    [InlineData("/api/v1/feedback?sort=loudest", "page.sort-unknown")]
    [InlineData("/api/v1/memoranda?status=Sleeping", "request.invalid")]
    public async Task bad_paging_is_a_400_problem_with_a_stable_code_and_a_bilingual_message(string url, string code)
    {
        using var response = await api.Office().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem["code"]!.GetValue<string>().Should().Be(code);
        problem["message"]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        problem["message"]!["en"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task a_cursor_belongs_to_its_list_and_its_sort()
    {
        var referrer = PartnerId.New();
        await OpenCasesAsync(referrer, 3, firstDueDay: 10);
        var next = (await PageAsync(api.Office(), $"/api/v1/talent-cases?partner={referrer}&limit=1"))["next"]!.GetValue<string>();
        var cursor = Uri.UnescapeDataString(next[(next.IndexOf("after=", StringComparison.Ordinal) + 6)..]);

        (await api.Office().GetAsync($"/api/v1/talent-cases?partner={referrer}&limit=1&after={Uri.EscapeDataString(cursor)}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var foreign in new[] { $"/api/v1/talent-cases?sort=openedOn&after={Uri.EscapeDataString(cursor)}", $"/api/v1/commitments?after={Uri.EscapeDataString(cursor)}" })
        {
            using var response = await api.Office().GetAsync(foreign);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, foreign);
            (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("page.cursor-invalid");
        }
    }

    [Theory]
    [InlineData("/api/v1/talent-cases", "-openedOn")]
    [InlineData("/api/v1/commitments", "proposedOn")]
    [InlineData("/api/v1/partners", "-name")]
    [InlineData("/api/v1/memoranda", "title")]
    [InlineData("/api/v1/feedback", "-submittedOn")]
    [InlineData("/api/v1/policies", "category")]
    [InlineData("/api/v1/observers", "-termEnd")]
    public async Task the_document_describes_each_lists_paging_parameters_and_its_page(string path, string aSort)
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var get = document["paths"]![path]!["get"]!;
        var parameters = get["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);

        parameters["limit"]["description"]!.GetValue<string>().Should().Contain("200");
        parameters["limit"]["schema"]!["maximum"]!.GetValue<int>().Should().Be(200);
        parameters["after"]["description"]!.GetValue<string>().Should().Contain("cursor");
        parameters["sort"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain(aSort);
        get["responses"]!["200"]!["headers"]!["Link"].Should().NotBeNull();
        var reference = get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var page = document["components"]!["schemas"]![reference.Split('/')[^1]]!["properties"]!.AsObject();
        page.Select(p => p.Key).Should().BeEquivalentTo("items", "total", "next");
    }
}
