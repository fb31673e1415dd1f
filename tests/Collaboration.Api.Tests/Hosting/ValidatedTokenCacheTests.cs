using System.Security.Claims;
using System.Text;
using Collaboration.Api.Hosting;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>
/// A remembered validation saves the signature check for a token already seen, and nothing else: a forged or altered
/// token, an expired one and one whose signing key was withdrawn are refused as without the cache.
/// </summary>
public sealed class ValidatedTokenCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("another-signing-key-that-is-also-long-enough-for-hs256"));

    [Fact]
    public async Task a_token_seen_before_is_not_validated_again_and_each_request_gets_its_own_identity()
    {
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner);
        var token = TestTokens.Office();

        var first = await cache.ValidateTokenAsync(token, Parameters());
        var second = await cache.ValidateTokenAsync(token, Parameters());

        first.IsValid.Should().BeTrue();
        second.IsValid.Should().BeTrue();
        inner.Calls.Should().Be(1);
        second.ClaimsIdentity.FindFirst("role")!.Value.Should().Be("office");
        second.ClaimsIdentity.Should().NotBeSameAs(first.ClaimsIdentity, "a claim added to one request's identity must not reach the next");
    }

    [Fact]
    public async Task a_forged_or_altered_token_is_refused_after_the_genuine_one_was_remembered()
    {
        var cache = new ValidatedTokenCache(new JsonWebTokenHandler());
        var genuine = TestTokens.Office();
        (await cache.ValidateTokenAsync(genuine, Parameters())).IsValid.Should().BeTrue();

        var parts = genuine.Split('.');
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "office.zhang"), new Claim("role", "office")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(OtherKey, SecurityAlgorithms.HmacSha256),
        });
        var otherPayload = TestTokens.Auditor().Split('.')[1];
        var altered = $"{parts[0]}.{otherPayload}.{parts[2]}";
        var truncated = genuine[..^2];

        foreach (var token in new[] { forged, altered, truncated })
        {
            (await cache.ValidateTokenAsync(token, Parameters())).IsValid.Should().BeFalse(token);
        }
    }

    [Fact]
    public async Task a_remembered_token_is_refused_once_it_expires()
    {
        var cache = new ValidatedTokenCache(new JsonWebTokenHandler());
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "office.zhang"), new Claim("role", "office")]),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddSeconds(2),
            SigningCredentials = new SigningCredentials(TestTokens.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        (await cache.ValidateTokenAsync(token, Parameters())).IsValid.Should().BeTrue();

        await Task.Delay(TimeSpan.FromSeconds(3));

        var later = await cache.ValidateTokenAsync(token, Parameters());
        later.IsValid.Should().BeFalse();
        later.Exception.Should().BeOfType<SecurityTokenExpiredException>();
    }

    [Fact]
    public async Task a_remembered_token_is_refused_when_its_signing_key_was_replaced()
    {
        var cache = new ValidatedTokenCache(new JsonWebTokenHandler());
        var token = TestTokens.Office();
        (await cache.ValidateTokenAsync(token, Parameters())).IsValid.Should().BeTrue();

        var rotated = Parameters();
        rotated.IssuerSigningKey = OtherKey;

        (await cache.ValidateTokenAsync(token, rotated)).IsValid.Should().BeFalse();
    }

    [Fact]
    public void the_tracker_validates_bearer_tokens_through_the_cache()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        options.TokenHandlers.Should().NotBeEmpty().And.AllBeOfType<ValidatedTokenCache>();
    }

    [Fact]
    public async Task the_tracker_still_refuses_a_forged_token_after_serving_the_genuine_one()
    {
        using var genuine = factory.Office();
        (await genuine.GetAsync(new Uri("/api/v1/partners", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var token = TestTokens.Office();
        using var forged = factory.ClientWithToken(token[..token.LastIndexOf('.')] + ".AAAA");

        (await forged.GetAsync(new Uri("/api/v1/partners", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKey = TestTokens.SigningKey,
        ClockSkew = TimeSpan.Zero,
    };

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler inner = new();

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return inner.ValidateTokenAsync(token, validationParameters);
        }
    }
}
