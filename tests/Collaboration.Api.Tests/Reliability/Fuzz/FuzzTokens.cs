using System.Security.Claims;
using System.Text;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>Bearer tokens no request may get anything with: expired, signed with another key, unsigned, malformed, wrong role.</summary>
public static class FuzzTokens
{
    private static readonly SymmetricSecurityKey Forger = new(Encoding.UTF8.GetBytes("a-key-the-tracker-has-never-seen-but-long-enough-for-hs256"));

    public static IReadOnlyList<(string Name, string? Token)> Bad { get; } =
    [
        ("no token", null),
        ("expired", Issue(TestTokens.SigningKey, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1), "office")),
        ("forged signature", Issue(Forger, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), "office")),
        ("unsigned", Unsigned()),
        ("malformed", "not.a.token"),
        ("empty", ""),
        ("unknown role", Issue(TestTokens.SigningKey, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), "administrator")),
        ("partner without org", Issue(TestTokens.SigningKey, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), "partner")),
    ];

    private static string Issue(SecurityKey key, DateTime notBefore, DateTime expires, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TestTokens.Issuer,
        Audience = TestTokens.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "fuzz"), new Claim("role", role)]),
        NotBefore = notBefore,
        IssuedAt = notBefore,
        Expires = expires,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>An office token with "alg": "none" and no signature.</summary>
    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"sub\":\"fuzz\",\"role\":\"office\",\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",\"exp\":{expires}}}")}.";
    }
}
