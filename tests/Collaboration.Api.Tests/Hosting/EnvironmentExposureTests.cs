using System.Net;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>What each environment exposes: the password-less sign-in, Swagger, the cookie's flags, and forwarded headers.</summary>
public sealed class EnvironmentExposureTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task the_development_sign_in_is_not_found_outside_development_and_issues_no_cookie(string environment)
    {
        await using var api = new ApiInEnvironment(environment);
        var client = api.CreateClient(NoRedirects);

        using var page = await client.GetAsync("/signin");
        using var post = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "dev-signin",
            ["Form.Role"] = "office",
            ["Form.Name"] = "intruder",
        }));

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.Headers.Contains("Set-Cookie").Should().BeFalse();
        post.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task the_development_sign_in_is_served_in_development()
    {
        await using var api = new ApiInEnvironment("Development");

        using var page = await api.CreateClient(NoRedirects).GetAsync("/signin");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("dev-signin");
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task swagger_is_off_in_production_unless_enabled(string path)
    {
        await using var plain = new ApiInEnvironment("Production");
        await using var enabled = new ApiInEnvironment("Production", ("Swagger:Enabled", "true"));

        using var off = await plain.CreateClient().GetAsync(path);
        using var on = await enabled.CreateClient().GetAsync(path);

        off.StatusCode.Should().Be(HttpStatusCode.NotFound);
        on.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task swagger_is_on_in_development_by_default()
    {
        await using var api = new ApiInEnvironment("Development");

        using var response = await api.CreateClient().GetAsync("/swagger/index.html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Staging", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    public async Task the_dashboard_cookie_is_secure_only_outside_development(string environment, CookieSecurePolicy expected)
    {
        await using var api = new ApiInEnvironment(environment);

        var cookie = api.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(DashboardSetup.CookieScheme).Cookie;

        cookie.SecurePolicy.Should().Be(expected);
        cookie.HttpOnly.Should().BeTrue();
        cookie.SameSite.Should().BeOneOf(SameSiteMode.Lax, SameSiteMode.Strict);
    }

    [Theory]
    [InlineData("10.0.0.5", "https://")]
    [InlineData("10.1.2.3", "https://")]
    [InlineData("203.0.113.9", "http://")]
    public async Task forwarded_proto_is_believed_only_from_a_configured_proxy(string peer, string scheme)
    {
        await using var api = new ApiInEnvironment(
            "Production",
            ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"),
            ("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16"));
        var client = api.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/commitments");
        request.Headers.Add(ApiInEnvironment.RemoteAddressHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        // The sign-in redirect is built from the request's scheme, so it shows whether the request counted as https.
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith(scheme);
    }
}
