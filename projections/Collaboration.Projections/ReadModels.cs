using Collaboration.Projections.Activity;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.TalentCaseQueue;

namespace Collaboration.Projections;

/// <summary>
/// Every read model the host runs. Partner portfolio and district overview are not stored: they are composed at
/// query time from these documents (they need "today" anyway, and storing them would duplicate every change).
/// </summary>
public static class ReadModels
{
    public static IReadOnlyList<IProjection> All() =>
    [
        new MemorandumProgressProjection(),
        new CommitmentDetailProjection(),
        new MemorandumLineProjection(),
        new TalentCaseQueueProjection(),
        new FeedbackBoardProjection(),
        new PartnersProjection(),
        new PoliciesProjection(),
        new PublicityPointsProjection(),
        new MemorandaProjection(),
        new ObserversProjection(),
        new ActivityProjection(),
    ];
}
