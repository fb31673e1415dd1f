using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Hosting;

/// <summary>
/// A token handler that remembers which raw bearer tokens its inner handler found valid, so a client sending the same
/// token with every request pays for the signature check once, not per request (ADR 0028). Only valid results are kept;
/// a forged, altered or expired token is a different string or an expired entry and goes to the inner handler.
/// </summary>
/// <remarks>
/// An entry lives until the token's own expiry or <see cref="MaxAge"/>, whichever comes first, and only while the signing
/// keys it was validated against are the ones in force: a key removed or rotated in configuration (the bearer options are
/// rebuilt with new key objects) refuses every token that key had admitted. With an OpenID Connect authority the keys come
/// from its discovery document and are not visible here; <see cref="MaxAge"/> bounds how long a token stays admitted after
/// its key was withdrawn there. The cache holds at most <see cref="Capacity"/> tokens.
/// </remarks>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider? time = null) : TokenHandler
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public TokenHandler Inner { get; } = inner;

    public override int MaximumTokenSizeInBytes
    {
        get => Inner.MaximumTokenSizeInBytes;
        set => Inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => Inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (token is not null && entries.TryGetValue(token, out var entry))
        {
            if (entry.ExpiresAt > now && entry.SameKeys(validationParameters))
            {
                return entry.Copy();
            }

            entries.TryRemove(KeyValuePair.Create(token, entry));
        }

        var result = await Inner.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.ClaimsIdentity is { } identity)
        {
            var expiresAt = now + MaxAge;
            if (result.SecurityToken is { ValidTo: var validTo } && validTo != DateTime.MinValue && new DateTimeOffset(validTo, TimeSpan.Zero) < expiresAt)
            {
                expiresAt = new DateTimeOffset(validTo, TimeSpan.Zero);
            }

            if (entries.Count >= Capacity)
            {
                Prune(now);
            }

            entries[token] = new Entry(result, identity, expiresAt, validationParameters.IssuerSigningKey, validationParameters.IssuerSigningKeys);
        }

        return result;
    }

    // Expired entries go first; should the cache still be full, it starts again empty rather than track usage per hit.
    private void Prune(DateTimeOffset now)
    {
        foreach (var (token, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(KeyValuePair.Create(token, entry));
            }
        }

        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
    }

    private sealed record Entry(TokenValidationResult Result, ClaimsIdentity Identity, DateTimeOffset ExpiresAt, SecurityKey? Key, IEnumerable<SecurityKey>? Keys)
    {
        public bool SameKeys(TokenValidationParameters parameters) =>
            ReferenceEquals(Key, parameters.IssuerSigningKey) && ReferenceEquals(Keys, parameters.IssuerSigningKeys);

        // Each request gets its own identity: the authentication handler and anything after it may add claims to it.
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
