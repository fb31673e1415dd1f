using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Running;

namespace Collaboration.Projections.Streams;

/// <summary>
/// Folds a stream's history with its own decider, so views derive from exactly the state the write side decides on
/// instead of re-implementing each module's rules.
/// </summary>
public static class DomainStreams
{
    public static async ValueTask<CommitmentState> CommitmentAsync(IProjectionContext context, CommitmentId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(CommitmentDecider.StreamName(id), ct), CommitmentDecider.Initial, (Func<CommitmentState, ICommitmentEvent, CommitmentState>)CommitmentDecider.Evolve);

    public static async ValueTask<MemorandumState> MemorandumAsync(IProjectionContext context, MemorandumId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(MemorandumDecider.StreamName(id), ct), MemorandumDecider.Initial, (Func<MemorandumState, IMemorandumEvent, MemorandumState>)MemorandumDecider.Evolve);

    public static async ValueTask<TalentCaseState> TalentCaseAsync(IProjectionContext context, TalentCaseId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(TalentCaseDecider.StreamName(id), ct), TalentCaseDecider.Initial, (Func<TalentCaseState, ITalentCaseEvent, TalentCaseState>)TalentCaseDecider.Evolve);

    public static async ValueTask<FeedbackState> FeedbackAsync(IProjectionContext context, FeedbackId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(FeedbackDecider.StreamName(id), ct), FeedbackDecider.Initial, (Func<FeedbackState, IFeedbackEvent, FeedbackState>)FeedbackDecider.Evolve);

    public static async ValueTask<PartnerState> PartnerAsync(IProjectionContext context, PartnerId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(PartnerDecider.StreamName(id), ct), PartnerDecider.Initial, (Func<PartnerState, IPartnerEvent, PartnerState>)PartnerDecider.Evolve);

    public static async ValueTask<PolicyState> PolicyAsync(IProjectionContext context, PolicyId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(PolicyDecider.StreamName(id), ct), PolicyDecider.Initial, (Func<PolicyState, IPolicyEvent, PolicyState>)PolicyDecider.Evolve);

    public static async ValueTask<ObserverState> ObserverAsync(IProjectionContext context, ObserverId id, CancellationToken ct) =>
        Fold(await context.HistoryAsync(ObserverDecider.StreamName(id), ct), ObserverDecider.Initial, (Func<ObserverState, IObserverEvent, ObserverState>)ObserverDecider.Evolve);

    /// <summary>The document key used for an aggregate id throughout the views.</summary>
    public static string Key(Guid id) => id.ToString("D");

    private static TState Fold<TState, TEvent>(IReadOnlyList<object> events, TState initial, Func<TState, TEvent, TState> evolve) =>
        events.OfType<TEvent>().Aggregate(initial, evolve);
}
