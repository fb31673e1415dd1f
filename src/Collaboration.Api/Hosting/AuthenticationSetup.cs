using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Collaboration.Api.Hosting;

/// <summary>
/// JWT bearer for the API. Locally, <c>dotnet user-jwts</c> writes the issuer, audience and signing key into
/// configuration under <c>Authentication:Schemes:Bearer</c>; in production the same section names the district's
/// OpenID Connect authority (<c>Authority</c>, <c>ValidAudiences</c>) and keys come from its discovery document.
/// </summary>
public static class AuthenticationSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep "role", "org" and "observer" as issued; Caller reads both raw and mapped names.
                options.MapInboundClaims = true;
                options.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        return services;
    }
}
