using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>JWTs the test host accepts for the API (the dashboard itself signs in with its own cookie).</summary>
public static class TestTokens
{
    public const string Issuer = "collaboration-browser-tests";
    public const string Audience = "collaboration-api";

    public static readonly SymmetricSecurityKey SigningKey =
        new(Encoding.UTF8.GetBytes("collaboration-browser-test-signing-key-long-enough-for-hs256"));

    public static string Office(string name = "office.zhang") => Issue(name, "office");

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
