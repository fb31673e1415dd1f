using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bench.Live;

/// <summary>Mints the bearer tokens the benched host accepts: a fresh random HS256 key per run, never a real issuer.</summary>
internal sealed class BenchTokens
{
    public const string Issuer = "collaboration-bench";
    public const string Audience = "collaboration-api";

    public SymmetricSecurityKey SigningKey { get; } = new(RandomNumberGenerator.GetBytes(32));

    public string Office(string name) => Issue(name, "office");

    public string Partner(string name, Guid organisation) => Issue(name, "partner", new Claim("org", organisation.ToString()));

    public string Observer(string name, Guid observer) => Issue(name, "observer", new Claim("observer", observer.ToString()));

    private string Issue(string name, string role, params Claim[] extra) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("name", name), new Claim("role", role), .. extra]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
}
