using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.PublicityPoints;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Running;

namespace Collaboration.Projections.Streams;

/// <summary>
/// A stream's state through its own decider, so views derive from exactly the state the write side decides on
/// instead of re-implementing each module's rules.
/// </summary>
public static class DomainStreams
{
    private static readonly RecentNames Keys = new(static id => id.ToString("D"));

    private static readonly RecentNames CommitmentStreams = new(static id => CommitmentDecider.StreamName(new CommitmentId(id)));

    private static readonly RecentNames MemorandumStreams = new(static id => MemorandumDecider.StreamName(new MemorandumId(id)));

    public static ValueTask<CommitmentState> CommitmentAsync(IProjectionContext context, CommitmentId id, CancellationToken ct) =>
        NotNull(context).StateAsync<CommitmentState, ICommitmentEvent>(CommitmentStreams.Of(id.Value), CommitmentDecider.Initial, CommitmentDecider.Evolve, ct);

    public static ValueTask<MemorandumState> MemorandumAsync(IProjectionContext context, MemorandumId id, CancellationToken ct) =>
        NotNull(context).StateAsync<MemorandumState, IMemorandumEvent>(MemorandumStreams.Of(id.Value), MemorandumDecider.Initial, MemorandumDecider.Evolve, ct);

    public static ValueTask<TalentCaseState> TalentCaseAsync(IProjectionContext context, TalentCaseId id, CancellationToken ct) =>
        NotNull(context).StateAsync<TalentCaseState, ITalentCaseEvent>(TalentCaseDecider.StreamName(id), TalentCaseDecider.Initial, TalentCaseDecider.Evolve, ct);

    public static ValueTask<FeedbackState> FeedbackAsync(IProjectionContext context, FeedbackId id, CancellationToken ct) =>
        NotNull(context).StateAsync<FeedbackState, IFeedbackEvent>(FeedbackDecider.StreamName(id), FeedbackDecider.Initial, FeedbackDecider.Evolve, ct);

    public static ValueTask<PartnerState> PartnerAsync(IProjectionContext context, PartnerId id, CancellationToken ct) =>
        NotNull(context).StateAsync<PartnerState, IPartnerEvent>(PartnerDecider.StreamName(id), PartnerDecider.Initial, PartnerDecider.Evolve, ct);

    public static ValueTask<PublicityPointState> PublicityPointAsync(IProjectionContext context, PublicityPointId id, CancellationToken ct) =>
        NotNull(context).StateAsync<PublicityPointState, IPublicityPointEvent>(PublicityPointDecider.StreamName(id), PublicityPointDecider.Initial, PublicityPointDecider.Evolve, ct);

    public static ValueTask<PolicyState> PolicyAsync(IProjectionContext context, PolicyId id, CancellationToken ct) =>
        NotNull(context).StateAsync<PolicyState, IPolicyEvent>(PolicyDecider.StreamName(id), PolicyDecider.Initial, PolicyDecider.Evolve, ct);

    public static ValueTask<ObserverState> ObserverAsync(IProjectionContext context, ObserverId id, CancellationToken ct) =>
        NotNull(context).StateAsync<ObserverState, IObserverEvent>(ObserverDecider.StreamName(id), ObserverDecider.Initial, ObserverDecider.Evolve, ct);

    /// <summary>The document key used for an aggregate id throughout the views.</summary>
    public static string Key(Guid id) => Keys.Of(id);

    private static IProjectionContext NotNull(IProjectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context;
    }
}
