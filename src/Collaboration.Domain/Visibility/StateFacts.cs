using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Domain.Visibility;

/// <summary>
/// Reads an item's current relationships off its aggregate state, for the policy. A commitment's parties are those of
/// its memorandum now, so the caller passes that memorandum's state too.
/// </summary>
public static class StateFacts
{
    public static ItemFacts Of(ItemFacts identity, object state, MemorandumState? memorandum = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return state switch
        {
            MemorandumState m => identity with { Parties = PartiesOf(m), Published = MemorandumDecider.IsPublished(m) },
            ExistingCommitment c => identity with
            {
                Owner = c.File.Owner.Value,
                Parties = memorandum is null ? identity.Parties : PartiesOf(memorandum),
                ApprovedReports = new ApprovedReportIds(c.File.Reports),
            },
            TalentCaseState t => identity with { ReferredBy = TalentCaseView.Of(t)?.ReferredBy?.Value },
            FeedbackState f when FeedbackView.Of(f) is { } view => identity with
            {
                Observer = view.Item.Observer.Value,
                RoutedTo = view.Routing?.Department.Value,
                Published = view.IsPublic,
            },
            Observers.ObserverState when identity.Kind == ItemKind.Observer => identity with { Observer = identity.Id },
            _ => identity,
        };
    }

    /// <summary>The parties a memorandum has now; a party removed from the draft is no longer among them.</summary>
    public static IReadOnlySet<Guid> PartiesOf(MemorandumState memorandum) =>
        (MemorandumDecider.Snapshot(memorandum)?.Parties ?? []).Select(p => p.Value).ToHashSet();
}
