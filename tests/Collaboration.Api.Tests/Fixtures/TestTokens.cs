using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>Mints JWTs the test host accepts, one per role, with the same claims `dotnet user-jwts` would issue.</summary>
public static class TestTokens
{
    public const string Issuer = "collaboration-tests";
    public const string Audience = "collaboration-api";

    public static readonly SymmetricSecurityKey SigningKey =
        new(Encoding.UTF8.GetBytes("collaboration-test-signing-key-that-is-long-enough-for-hs256"));

    public static string Office(string name = "office.zhang") => Issue(name, "office");

    public static string Auditor(string name = "auditor.li") => Issue(name, "auditor");

    public static string Partner(Guid organisation, string? name = null) =>
        Issue(name ?? $"partner.{organisation:N}", "partner", new Claim("org", organisation.ToString()));

    public static string Observer(Guid observer, string? name = null) =>
        Issue(name ?? $"observer.{observer:N}", "observer", new Claim("observer", observer.ToString()));

    public static string Issue(string name, string role, params Claim[] extra)
    {
        var claims = new List<Claim> { new("sub", name), new("name", name), new("role", role) };
        claims.AddRange(extra);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
