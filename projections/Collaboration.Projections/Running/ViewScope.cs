using Collaboration.Domain.Visibility;

namespace Collaboration.Projections.Running;

/// <summary>
/// Who may see a document besides the office and auditors (who see everything), as the visibility policy decided it
/// when the document was projected (<see cref="For"/>). Audiences are the same strings as the status hub's groups:
/// <c>org:{partnerId}</c>, <c>observer:{observerId}</c>, <c>public</c>.
/// </summary>
public sealed record ViewScope(IReadOnlyList<string> Audiences)
{
    private const int SinglePartnerCacheLimit = 10_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, ViewScope> SinglePartner = new();

    // Counted apart: ConcurrentDictionary.Count takes every bucket lock, and a projection asking it per new partner
    // contended with every other reader of the cache (issue 15's profile of registering partners).
    private static int singlePartnerCount;

    private string? encoded;

    private byte[]? encodedUtf8;

    public const string Public = "public";

    /// <summary>Office and auditors only.</summary>
    public static ViewScope OfficeOnly { get; } = new([]);

    public static ViewScope Everyone { get; } = new([Public]);

    /// <summary>The scope the visibility policy gives an item with these facts: its audiences are the policy's.</summary>
    public static ViewScope For(ItemFacts facts)
    {
        var audiences = VisibilityPolicy.Default.AudiencesOf(facts);
        return audiences switch
        {
            [] => OfficeOnly,
            [Public] => Everyone,
            [var only] when only.StartsWith("org:", StringComparison.Ordinal) && Guid.TryParse(only.AsSpan(4), out var partner) => ForPartners([partner]),
            _ => new(audiences),
        };
    }

    public static string Organisation(Guid partner) => $"org:{partner}";

    public static string Observer(Guid observer) => $"observer:{observer}";

    public static ViewScope ForPartners(IEnumerable<Guid> partners)
    {
        ArgumentNullException.ThrowIfNull(partners);
        if (partners is IReadOnlyList<Guid> { Count: 1 } one)
        {
            // Most documents and every commitment's feed entries belong to one partner: one scope object per partner,
            // not one per event. A district has tens of partners; the cap only guards against unbounded growth.
            var partner = one[0];
            if (SinglePartner.TryGetValue(partner, out var cached))
            {
                return cached;
            }

            var scope = new ViewScope([Organisation(partner)]);
            if (Volatile.Read(ref singlePartnerCount) < SinglePartnerCacheLimit && SinglePartner.TryAdd(partner, scope))
            {
                Interlocked.Increment(ref singlePartnerCount);
            }

            return scope;
        }

        return new([.. partners.Distinct().Select(Organisation)]);
    }

    public static ViewScope ForObserver(Guid observer, bool isPublic) =>
        new(isPublic ? [Observer(observer), Public] : [Observer(observer)]);

    /// <summary>Scopes are equal when they name the same audiences in the same order (the cached encoding is no part of it).</summary>
    public bool Equals(ViewScope? other) => other is not null && Audiences.SequenceEqual(other.Audiences, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var audience in Audiences)
        {
            hash.Add(audience, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>True when a caller belonging to <paramref name="callerAudiences"/> may see the document (null = office/auditor).</summary>
    public bool IsVisibleTo(IReadOnlySet<string>? callerAudiences) =>
        callerAudiences is null || Audiences.Any(callerAudiences.Contains);

    public string Encode() => encoded ??= string.Join(' ', Audiences);

    public ReadOnlySpan<byte> EncodeUtf8() => encodedUtf8 ??= System.Text.Encoding.UTF8.GetBytes(Encode());

    public static ViewScope Decode(string? encoded) =>
        string.IsNullOrWhiteSpace(encoded) ? OfficeOnly : new(encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
