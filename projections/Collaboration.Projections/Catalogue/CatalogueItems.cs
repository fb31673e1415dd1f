using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.PublicityPoints;

namespace Collaboration.Projections.Catalogue;

/// <summary>A partner in the list: no contacts (they name people), only what identifies the organisation.</summary>
public sealed record PartnerListItem(PartnerId Id, PartnerKind Kind, BilingualText Name, bool IsActive)
{
    /// <summary><c>Active</c> or <c>Deactivated</c>: <see cref="IsActive"/> as text, which the stores can filter and count by.</summary>
    public string Status => IsActive ? "Active" : "Deactivated";
}

/// <summary>A policy in the list.</summary>
public sealed record PolicyListItem(PolicyId Id, PolicyContent Content, int Revision, bool IsRetired);

/// <summary>A publicity point as the catalogue lists it; a withdrawn one keeps its details and says why.</summary>
public sealed record PublicityPointListItem(PublicityPointId Id, PublicityPointDetails Details, DateOnly DesignatedOn, bool IsWithdrawn, BilingualText? WithdrawalReason);

/// <summary>A memorandum in the list.</summary>
public sealed record MemorandumListItem(
    MemorandumId Id, BilingualText Title, MemorandumStatus Status, IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart, DateOnly TermEnd, IReadOnlyList<MemorandumParty> Parties);

/// <summary>An observer in the list: the person only by id (names are resolved, or shredded, at read time).</summary>
public sealed record ObserverListItem(
    ObserverId Id, PersonId Person, int Batch, string Nationality, IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart, DateOnly TermEnd, DateOnly? EndedOn)
{
    public static ObserverListItem Of(ObserverView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Observer, view.Details.Person, view.Batch, view.Nationality, view.Roles, view.TermStart, view.TermEnd, view.EndedOn);
    }

    public ObserverStatus StatusOn(DateOnly today) =>
        today < TermStart ? ObserverStatus.NotYetServing
        : EndedOn is { } ended && today >= ended ? ObserverStatus.TermEndedEarly
        : today > TermEnd ? ObserverStatus.TermExpired
        : ObserverStatus.Serving;
}
