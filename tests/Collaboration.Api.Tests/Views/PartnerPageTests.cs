using System.Text.RegularExpressions;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Views;

/// <summary>The dashboard's partner page lists the first open items of each kind and says how many there are.</summary>
public sealed partial class PartnerPageTests(ApiWithCountingViews api) : IClassFixture<ApiWithCountingViews>
{
    [Fact]
    public async Task a_partner_page_lists_twenty_open_items_of_a_kind_and_counts_the_rest()
    {
        var partner = PartnerId.New();
        await api.RegisteredPartnerAsync(partner, "Referring chamber");
        var today = DistrictTime.Today(api.Services.GetRequiredService<TimeProvider>());
        long last = 0;
        for (var i = 0; i < 25; i++)
        {
            last = await api.OpenedTalentCaseAsync(TalentCaseId.New(), partner, $"Referred talent {i}", today.AddDays(5 + i));
        }

        await api.WaitForViewsAsync(last);
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DashboardSignIn.AsOfficeAsync(client);

        var page = await client.GetStringAsync(new Uri($"/partners/{partner.Value}", UriKind.Relative));

        var section = page[page.IndexOf("data-section=\"talentCases\"", StringComparison.Ordinal)..];
        ListItem().Count(section).Should().Be(20, "the twenty due first are listed");
        section.Should().Contain("data-more=\"talentCases\"").And.Contain("20 / 25");
    }

    [GeneratedRegex("class=\"mud-list-item[ \"]")]
    private static partial Regex ListItem();
}
