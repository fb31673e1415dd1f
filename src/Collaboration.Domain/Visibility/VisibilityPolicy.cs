namespace Collaboration.Domain.Visibility;

/// <summary>
/// The one place that decides who sees what. Pure: given a viewer and the current facts of an item, it answers whether
/// the item may be seen at all (<see cref="AudiencesOf"/>: the audiences that may see it besides office and auditors)
/// and which of its fields are withheld (<see cref="Verdict"/>). Every read path — API, read models, hub pushes and
/// catch-up, activity feed, audit trail, exports, dashboard, CLI — asks this class; none keeps a copy of the rules.
/// The table in <c>docs/visibility.md</c> is this class in prose.
/// </summary>
public sealed class VisibilityPolicy(VisibilityRules rules)
{
    public const string PublicAudience = "public";

    public static VisibilityPolicy Default { get; } = new(VisibilityRules.Default);

    public VisibilityRules Rules { get; } = rules;

    public static string OrganisationAudience(Guid partner) => $"org:{partner}";

    public static string ObserverAudience(Guid observer) => $"observer:{observer}";

    /// <summary>
    /// Who besides office and auditors may see an item: organisation, observer and public audiences (the status hub's
    /// group names and the read models' stored scope). Empty means office and auditors only.
    /// </summary>
    public IReadOnlyList<string> AudiencesOf(ItemFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!Rules.Enforces(VisibilityRules.CurrentRelationships) && facts.Kind is not (ItemKind.PersonErasure or ItemKind.Unknown or ItemKind.DistrictOverview))
        {
            return [PublicAudience];
        }

        var audiences = new List<string>(4);
        switch (facts.Kind)
        {
            case ItemKind.Policy or ItemKind.PartnerDirectory:
                audiences.Add(PublicAudience);
                break;
            case ItemKind.Partner when facts.Owner is { } partner:
                audiences.Add(OrganisationAudience(partner));
                break;
            case ItemKind.Memorandum:
                AddOrganisations(audiences, facts.Parties, except: null);
                if (facts.Published)
                {
                    // The public row: what the office published is everyone's, parties and approved progress included.
                    audiences.Add(PublicAudience);
                }

                break;
            case ItemKind.Commitment:
                if (facts.Owner is { } owner)
                {
                    audiences.Add(OrganisationAudience(owner));
                }

                AddOrganisations(audiences, facts.Parties, except: facts.Owner);
                break;
            case ItemKind.TalentCase when facts.ReferredBy is { } referrer:
                audiences.Add(OrganisationAudience(referrer));
                break;
            case ItemKind.Feedback:
                if (facts.Observer is { } author)
                {
                    audiences.Add(ObserverAudience(author));
                }

                if (facts.RoutedTo is { } department)
                {
                    audiences.Add(OrganisationAudience(department));
                }

                if (facts.Published)
                {
                    audiences.Add(PublicAudience);
                }

                break;
            case ItemKind.Observer when facts.Observer is { } observer:
                audiences.Add(ObserverAudience(observer));
                break;
        }

        return audiences;
    }

    // Asked for every event a rebuild applies (the activity feed's scope): a loop, not a LINQ chain with a closure over
    // the owner, and no enumerator at all for an item without parties (most commitments' facts).
    private static void AddOrganisations(List<string> audiences, IReadOnlySet<Guid> parties, Guid? except)
    {
        if (parties.Count == 0)
        {
            return;
        }

        foreach (var party in parties)
        {
            if (party != except)
            {
                audiences.Add(OrganisationAudience(party));
            }
        }
    }

    /// <summary>May <paramref name="viewer"/> see an item whose audiences are <paramref name="audiences"/>?</summary>
    public static bool Admits(Viewer viewer, IReadOnlyList<string> audiences)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(audiences);
        if (viewer.IsPrivileged)
        {
            return true;
        }

        var own = viewer.OwnAudience;
        foreach (var audience in audiences)
        {
            if (audience == PublicAudience || (own is not null && audience == own))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The decision for one viewer and one item: refused, or shown with some fields withheld.</summary>
    public Verdict Decide(Viewer viewer, ItemFacts facts)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(facts);
        return new Verdict(viewer, facts, Rules, Refused: !Admits(viewer, AudiencesOf(facts)));
    }

    /// <summary>
    /// The decision for a stored read-model document whose audiences were decided by this policy when it was projected;
    /// its fields are judged from the document itself (see <see cref="JsonRedactor"/>).
    /// </summary>
    public Verdict DecideStored(Viewer viewer, ItemKind kind, IReadOnlyList<string> storedAudiences)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return new Verdict(viewer, new ItemFacts(kind), Rules, Refused: !Admits(viewer, storedAudiences));
    }
}
