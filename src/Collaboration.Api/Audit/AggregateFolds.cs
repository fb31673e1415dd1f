using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Api.Audit;

/// <summary>
/// How to fold any stream of the log into its aggregate's state, found by the stream name's prefix. The folds are
/// the deciders' own pure <c>Evolve</c> functions, so an as-of answer is exactly what the command side saw then.
/// </summary>
public static class AggregateFolds
{
    private static readonly AggregateFold[] Folds =
    [
        Of<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>("memorandum-", "memoranda"),
        Of<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>("commitment-", "commitments"),
        Of<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>("talent-case-", "talent-cases"),
        Of<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>("feedback-", "feedback"),
        Of<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>("observer-", "observers"),
        Of<PartnerReferenceDecider, PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>("partner-reference-", "partners"),
        Of<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>("partner-", "partners"),
        Of<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>("policy-", "policies"),
    ];

    /// <summary>Module names accepted by the log filter, with the stream prefixes they cover.</summary>
    public static IReadOnlyDictionary<string, string[]> Modules { get; } = Folds
        .Append(new AggregateFold("person-", "privacy", new object(), (s, _) => s))
        .GroupBy(f => f.Module, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(f => f.Prefix).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The fold for a stream, or null for a stream no decider owns (e.g. <c>person-…</c> erasure records).</summary>
    public static AggregateFold? For(string stream) => Folds.FirstOrDefault(f => stream.StartsWith(f.Prefix, StringComparison.Ordinal));

    private static AggregateFold Of<TDecider, TState, TCommand, TEvent>(string prefix, string module)
        where TDecider : IDecider<TState, TCommand, TEvent>
        where TState : notnull
        where TEvent : notnull =>
        new(prefix, module, TDecider.Initial, (state, @event) => @event is TEvent e ? TDecider.Evolve((TState)state, e) : state);
}

/// <summary>A stream prefix, its module and its decider's initial state and evolve function, untyped.</summary>
public sealed record AggregateFold(string Prefix, string Module, object Initial, Func<object, object, object> Evolve);
