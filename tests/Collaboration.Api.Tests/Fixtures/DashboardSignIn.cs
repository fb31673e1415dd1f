using System.Text.RegularExpressions;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>Signs a cookie-keeping client in to the dashboard through the development form (Testing environment).</summary>
public static partial class DashboardSignIn
{
    public static Task AsPartnerAsync(HttpClient client, PartnerId partner) => AsAsync(client, "partner", "partner.user", partner.ToString());

    public static Task AsOfficeAsync(HttpClient client) => AsAsync(client, "office", "office.user", "");

    private static async Task AsAsync(HttpClient client, string role, string name, string organisation)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "dev-signin",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Form.Role"] = role,
            ["Form.Name"] = name,
            ["Form.Organisation"] = organisation,
            ["Form.Observer"] = "",
        };
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
        signedIn.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
