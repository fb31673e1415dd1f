using System.Collections.Immutable;

namespace Collaboration.Domain.Visibility;

/// <summary>
/// The withholding rules in force, by id. Production always runs <see cref="Default"/>; <see cref="Without"/> exists so
/// the leak-matrix test can prove each rule is what stops its leak (remove it, and the matrix must find one).
/// The ids are the rows of <c>docs/visibility.md</c>.
/// </summary>
public sealed class VisibilityRules
{
    /// <summary>A talent's e-mail and phone: office and auditors only (a referring partner sees the name).</summary>
    public const string TalentContact = "talent-contact";

    /// <summary>Officers' notes on a talent case: office-internal.</summary>
    public const string CaseNotes = "case-notes";

    /// <summary>A policy package delivered to one party: that party, office and auditors.</summary>
    public const string OtherPartiesPackages = "other-parties-packages";

    /// <summary>A progress report under review or returned (with the office's reason): its owner, office and auditors.</summary>
    public const string OtherOwnersReports = "other-owners-reports";

    /// <summary>Who wrote a feedback item: that observer, office and auditors.</summary>
    public const string ObserverIdentity = "observer-identity";

    /// <summary>A partner's contact persons (names, e-mails, phones): that partner, office and auditors.</summary>
    public const string PartnerContacts = "partner-contacts";

    /// <summary>An item is seen only through a current relationship (party now, owner, referrer, author, routed-to, published).</summary>
    public const string CurrentRelationships = "current-relationships";

    private readonly ImmutableHashSet<string> active;

    private VisibilityRules(ImmutableHashSet<string> active) => this.active = active;

    public static IReadOnlyList<string> Ids { get; } =
        [TalentContact, CaseNotes, OtherPartiesPackages, OtherOwnersReports, ObserverIdentity, PartnerContacts, CurrentRelationships];

    public static VisibilityRules Default { get; } = new([.. Ids]);

    public bool Enforces(string rule) => active.Contains(rule);

    /// <summary>The same rules less one: for the leak matrix's self-check only.</summary>
    public VisibilityRules Without(string rule) =>
        Ids.Contains(rule) ? new(active.Remove(rule)) : throw new ArgumentException($"No visibility rule '{rule}'.", nameof(rule));
}
