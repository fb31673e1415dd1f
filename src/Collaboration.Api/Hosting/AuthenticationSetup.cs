using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Hosting;

/// <summary>
/// JWT bearer for the API. Locally, <c>dotnet user-jwts</c> writes the issuer, audience and signing key into
/// configuration under <c>Authentication:Schemes:Bearer</c>; in production the same section names the district's
/// OpenID Connect authority (<c>Authority</c>, <c>ValidAudiences</c>) and keys come from its discovery document.
/// </summary>
public static class AuthenticationSetup
{
    public const string ApiPolicy = "api";

    public const string BearerSection = "Authentication:Schemes:Bearer";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep "role", "org" and "observer" as issued; Caller reads both raw and mapped names.
                options.MapInboundClaims = true;
                options.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;

                // Nothing reads the raw token back from the ticket (GetTokenAsync); storing it cost every request a
                // properties dictionary and a copy of the token (ADR 0028).
                options.SaveToken = false;

                // Every request of a client carries the same token: its signature is checked once and the result kept
                // (ValidatedTokenCache). Wrapped after MapInboundClaims, which configures the handlers it finds. The options
                // are rebuilt when the section changes, and with them an empty cache.
                var handlers = options.TokenHandlers.Select(handler => (TokenHandler)new ValidatedTokenCache(handler)).ToList();
                options.TokenHandlers.Clear();
                foreach (var handler in handlers)
                {
                    options.TokenHandlers.Add(handler);
                }
            });

        // The bearer options are built once and cached; without a change token a key that `dotnet user-jwts` (or an
        // operator rotating keys) writes while the tracker runs is ignored until a restart ("signature key was not
        // found"). With it, the next request after the section changes validates against the new keys.
        services.AddSingleton<IOptionsChangeTokenSource<JwtBearerOptions>>(
            new ConfigurationChangeTokenSource<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, configuration.GetSection(BearerSection)));
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        return services;
    }
}
