using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>
/// Where FsCheck helps the fuzz harness: arbitrary strings (any UTF-16, controls and unpaired surrogates included) in
/// every text field of a write, with shrinking, so a failure comes back as the smallest string that breaks an oracle.
/// Fixed seed in CI (<c>Replay</c>); the same oracles as <see cref="FuzzCampaign"/>: no 5xx, a rejection moves nothing.
/// </summary>
public sealed class FuzzPropertyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Fields = ["name.zh", "name.en", "contact.name", "contact.title", "contact.email", "contact.phone", "externalReference", "kind"];

    [Property(MaxTest = 120, Replay = "14,2027")]
    public async Task any_string_in_any_text_field_of_a_new_partner_gets_no_5xx_and_a_rejection_moves_nothing(NonNull<string> value, PositiveInt field)
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        using var office = api.Office();
        var target = Fields[field.Get % Fields.Length];
        string Text(string name, string fallback) => target == name ? value.Get : fallback;

        var head = await store.ReadHeadPositionAsync();
        var response = await office.PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind = Text("kind", "Enterprise"),
            name = new { zh = Text("name.zh", "企业"), en = Text("name.en", "Enterprise") },
            contacts = new[]
            {
                new { name = Text("contact.name", "Wang Li"), title = Text("contact.title", "Liaison"), email = Text("contact.email", "wang@example.cn"), phone = Text("contact.phone", "+86 21 0000 0000") },
            },
            externalReference = Text("externalReference", "REF-1"),
        }));

        var status = (int)response.StatusCode;
        status.Should().BeLessThan(500, $"{target} = {Describe(value.Get)}: {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await store.ReadHeadPositionAsync()).Should().Be(head, "a rejected request moves nothing");
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.Created);
        }
    }

    private static string Describe(string value) => string.Concat(value.Take(40).Select(c => $"\\u{(int)c:x4}"));
}
