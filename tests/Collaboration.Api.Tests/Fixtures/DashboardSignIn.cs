using System.Text.RegularExpressions;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>Signs a cookie-keeping client in to the dashboard through the development form (Testing environment).</summary>
public static partial class DashboardSignIn
{
    public static async Task AsPartnerAsync(HttpClient client, PartnerId partner)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "dev-signin",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Form.Role"] = "partner",
            ["Form.Name"] = "partner.user",
            ["Form.Organisation"] = partner.ToString(),
            ["Form.Observer"] = "",
        };
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
        signedIn.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
