using System.Net;
using Collaboration.Browser.Tests.Fixtures;

namespace Collaboration.Browser.Tests;

/// <summary>The dashboard's cookie sits beside the API's JWT bearer without changing how the API authenticates.</summary>
public sealed class DashboardAuthenticationTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    [Fact]
    public async Task api_without_a_token_still_answers_401_instead_of_redirecting_to_the_dashboard_sign_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var response = await client.GetAsync(new Uri("api/v1/partners/" + Guid.NewGuid(), UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task dashboard_without_a_cookie_redirects_to_the_development_sign_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var response = await client.GetAsync(new Uri("commitments", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/signin");
    }

    [Fact]
    public async Task dashboard_cookie_does_not_authenticate_the_api()
    {
        using var cookies = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(cookies) { BaseAddress = app.Address };
        using var form = await client.GetAsync(new Uri("signin", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.Should().NotBeEmpty("the sign-in form carries an antiforgery token");
        using var signIn = await client.PostAsync(new Uri("signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "dev-signin",
            ["__RequestVerificationToken"] = token,
            ["Form.Role"] = "office",
            ["Form.Name"] = "office.cookie",
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        cookies.CookieContainer.GetCookies(app.Address).Select(c => c.Name).Should().Contain("collaboration.dashboard");

        using var dashboard = await client.GetAsync(new Uri("commitments", UriKind.Relative));
        dashboard.StatusCode.Should().Be(HttpStatusCode.OK, "the cookie signs in to the dashboard");
        using var api = await client.GetAsync(new Uri("api/v1/partners/" + Guid.NewGuid(), UriKind.Relative));
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the API accepts bearer tokens only");
    }
}
