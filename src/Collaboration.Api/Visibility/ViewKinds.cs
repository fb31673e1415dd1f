using Collaboration.Api.Live;
using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Visibility;

/// <summary>Which kind of item each read model's documents are, so the policy judges a document like the item it shows.</summary>
public static class ViewKinds
{
    public static ItemKind Of(string view) => view switch
    {
        ViewNames.MemorandumProgress or ViewNames.Memoranda => ItemKind.Memorandum,
        ViewNames.CommitmentDetail or ViewNames.MemorandumLine => ItemKind.Commitment,
        ViewNames.TalentCaseQueue => ItemKind.TalentCase,
        ViewNames.FeedbackBoard => ItemKind.Feedback,
        ViewNames.PartnerPortfolio => ItemKind.Partner,
        ViewNames.Partners => ItemKind.PartnerDirectory,
        ViewNames.Policies or ViewNames.PublicityPoints => ItemKind.Policy,
        ViewNames.Observers => ItemKind.Observer,
        ViewNames.DistrictOverview => ItemKind.DistrictOverview,
        // An activity entry names only what happened to which item; it is scoped like that item when projected.
        _ => ItemKind.Unknown,
    };
}
