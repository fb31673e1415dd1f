namespace Collaboration.Domain.Visibility;

/// <summary>
/// The policy's answer for one viewer and one item. <see cref="Refused"/> items are not shown at all (the API answers
/// 404, lists leave them out); otherwise each <c>Shows…</c> question says whether one kind of field is shown or withheld.
/// Read paths apply it to their shapes — <see cref="JsonRedactor"/> for JSON, typed handlers by these questions —
/// but never decide themselves.
/// </summary>
public sealed record Verdict(Viewer Viewer, ItemFacts Facts, VisibilityRules Rules, bool Refused)
{
    public ItemKind Kind => Facts.Kind;

    private bool Open(string rule) => Viewer.IsPrivileged || !Rules.Enforces(rule);

    public bool ShowsTalentContact => Open(VisibilityRules.TalentContact);

    public bool ShowsCaseNotes => Open(VisibilityRules.CaseNotes);

    public bool ShowsPackageOf(Guid party) => Open(VisibilityRules.OtherPartiesPackages) || Viewer.Organisation == party;

    /// <summary>An approved report counts toward the shared status, so every viewer of the commitment sees it.</summary>
    public bool ShowsReport(Guid? owner, bool approved) =>
        approved || Open(VisibilityRules.OtherOwnersReports) || (owner is not null && Viewer.Role == ViewerRole.Partner && Viewer.Organisation == owner);

    public bool ShowsObserver(Guid observer) =>
        Open(VisibilityRules.ObserverIdentity) || (Viewer.Role == ViewerRole.Observer && Viewer.Observer == observer);

    public bool ShowsPartnerContacts(Guid partner) =>
        Open(VisibilityRules.PartnerContacts) || (Viewer.Role == ViewerRole.Partner && Viewer.Organisation == partner);

    /// <summary>True when nothing of the item can be withheld from this viewer (no redaction pass needed).</summary>
    public bool ShowsEverything => Viewer.IsPrivileged || VisibilityRules.Ids.All(id => !Rules.Enforces(id) || id == VisibilityRules.CurrentRelationships);
}
