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
/// In Development (and only there) a password-less sign-in page issues the cookie; elsewhere the cookie is issued
/// by the same OpenID Connect authority as the API's tokens, when <c>Authentication:Schemes:OpenIdConnect</c> is configured.
/// </summary>
public static class DashboardSetup
{
    public const string CookieScheme = "Dashboard";

    public const string Policy = "dashboard";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    private const string OpenIdSection = "Authentication:Schemes:OpenIdConnect";

    /// <summary>
    /// Whether the password-less sign-in page exists. Only the exact environment name: a staging or test deployment reachable
    /// by others must not hand out an office cookie to whoever asks.
    /// </summary>
    public static bool AllowsDevelopmentSignIn(IHostEnvironment environment) => environment.IsDevelopment();

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
            // Development serves plain http on localhost; everywhere else the tracker sits behind TLS (directly or via a proxy
            // whose X-Forwarded-Proto ForwardedHeadersSetup trusts), so the cookie never travels in the clear.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
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
        if (!AllowsDevelopmentSignIn(app.Environment))
        {
            // The page refuses by itself as well; answering 404 before it runs means no form handler and no cookie code is reached.
            app.Use(next => context => context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase)
                ? Results.NotFound().ExecuteAsync(context)
                : next(context));
        }

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
        app.MapImportTemplateDownloads();
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
