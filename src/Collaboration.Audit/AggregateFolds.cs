using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.PublicityPoints;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Audit;

/// <summary>
/// How to fold any stream of the log into its aggregate's state, found by its family in <see cref="StreamCatalogue"/>. The folds are
/// the deciders' own pure <c>Evolve</c> functions, so an as-of answer is exactly what the command side saw then.
/// </summary>
public static class AggregateFolds
{
    private static readonly Dictionary<StreamFamily, AggregateFold> Folds = new[]
    {
        Of<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(StreamCatalogue.Memoranda),
        Of<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(StreamCatalogue.Commitments),
        Of<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(StreamCatalogue.TalentCases),
        Of<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(StreamCatalogue.Feedback),
        Of<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>(StreamCatalogue.Observers),
        Of<PartnerReferenceDecider, PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>(StreamCatalogue.PartnerReferences),
        Of<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(StreamCatalogue.Partners),
        Of<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(StreamCatalogue.Policies),
        Of<PublicityPointDecider, PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>(StreamCatalogue.PublicityPoints),
    }.ToDictionary(f => f.Family);

    /// <summary>Module names accepted by the log filter, with the stream prefixes they cover.</summary>
    public static IReadOnlyDictionary<string, string[]> Modules { get; } = StreamCatalogue.All
        .GroupBy(f => f.Module, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(f => f.Prefix).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The fold for a stream, or null for a stream no decider owns (e.g. <c>person-…</c> erasure records).</summary>
    public static AggregateFold? For(string stream) => StreamCatalogue.Of(stream) is { } family ? For(family) : null;

    /// <summary>The fold for a family's streams, or null when no decider owns them.</summary>
    public static AggregateFold? For(StreamFamily family) => Folds.GetValueOrDefault(family);

    private static AggregateFold Of<TDecider, TState, TCommand, TEvent>(StreamFamily family)
        where TDecider : IDecider<TState, TCommand, TEvent>
        where TState : notnull
        where TEvent : notnull =>
        new(family, TDecider.Initial, (state, @event) => @event is TEvent e ? TDecider.Evolve((TState)state, e) : state);
}
