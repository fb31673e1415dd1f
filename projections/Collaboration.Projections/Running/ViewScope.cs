namespace Collaboration.Projections.Running;

/// <summary>
/// Who may see a document besides the office and auditors (who see everything). Audiences are the same strings
/// as the status hub's groups: <c>org:{partnerId}</c>, <c>observer:{observerId}</c>, <c>public</c>.
/// </summary>
public sealed record ViewScope(IReadOnlyList<string> Audiences)
{
    public const string Public = "public";

    /// <summary>Office and auditors only.</summary>
    public static ViewScope OfficeOnly { get; } = new([]);

    public static ViewScope Everyone { get; } = new([Public]);

    public static string Organisation(Guid partner) => $"org:{partner}";

    public static string Observer(Guid observer) => $"observer:{observer}";

    public static ViewScope ForPartners(IEnumerable<Guid> partners) => new([.. partners.Distinct().Select(Organisation)]);

    public static ViewScope ForObserver(Guid observer, bool isPublic) =>
        new(isPublic ? [Observer(observer), Public] : [Observer(observer)]);

    /// <summary>True when a caller belonging to <paramref name="callerAudiences"/> may see the document (null = office/auditor).</summary>
    public bool IsVisibleTo(IReadOnlySet<string>? callerAudiences) =>
        callerAudiences is null || Audiences.Any(callerAudiences.Contains);

    internal string Encode() => string.Join(' ', Audiences);

    internal static ViewScope Decode(string? encoded) =>
        string.IsNullOrWhiteSpace(encoded) ? OfficeOnly : new(encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
