using System.Security.Claims;
using Collaboration.Api.Dashboard.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using MudBlazor.Services;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// The Blazor dashboard at <c>/</c>. It has its own cookie scheme so the API keeps JWT bearer as its default:
/// only the dashboard's endpoints ask for the cookie, and <c>/api</c> and <c>/hubs</c> never see it.
/// In Development and Testing a password-less sign-in page issues the cookie; elsewhere the cookie is issued
/// by the same OpenID Connect authority as the API's tokens, when <c>Authentication:Schemes:OpenIdConnect</c> is configured.
/// </summary>
public static class DashboardSetup
{
    public const string CookieScheme = "Dashboard";

    public const string Policy = "dashboard";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    private const string OpenIdSection = "Authentication:Schemes:OpenIdConnect";

    /// <summary>Whether the password-less sign-in page may issue cookies: never in production.</summary>
    public static bool AllowsDevelopmentSignIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
        {
            // Development does this by itself. Testing runs from build output too, where MudBlazor's and Blazor's scripts are
            // only reachable through the build's static web assets manifest; published output has no such manifest and is unaffected.
            builder.WebHost.UseStaticWebAssets();
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<DashboardSession>();

        var openId = builder.Configuration.GetSection(OpenIdSection);
        var useOpenId = !string.IsNullOrWhiteSpace(openId["Authority"]);

        // AddAuthentication() without a scheme keeps the API's default (JWT bearer) as it is.
        var authentication = services.AddAuthentication();
        authentication.AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "collaboration.dashboard";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = SignInPath;
            if (useOpenId)
            {
                options.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
            }
        });
        if (useOpenId)
        {
            authentication.AddOpenIdConnect(options =>
            {
                openId.Bind(options);
                options.SignInScheme = CookieScheme;
                options.ResponseType = "code";
                // Keep "role", "org" and "observer" as the authority issues them; Caller reads the raw names.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(Policy);
        app.MapPost(SignOutPath, async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieScheme);
                return Results.LocalRedirect(SignInPath);
            })
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The cookie principal for a development sign-in: the same claim names the API's tokens carry.</summary>
    public static ClaimsPrincipal DevelopmentPrincipal(string role, Guid? organisation, Guid? observer, string name)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, name),
            new(ClaimTypes.Name, name),
            new("role", role),
        };
        if (organisation is { } org)
        {
            claims.Add(new("org", org.ToString()));
        }

        if (observer is { } obs)
        {
            claims.Add(new("observer", obs.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme, ClaimTypes.Name, "role"));
    }
}
