using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class TerminateMemorandumSpec
{
    private static readonly BilingualText Dissolved = BilingualText.Both("合作方解散", "The partner was dissolved");
    private static readonly TerminateMemorandum Terminate = new(Memo, Dissolved, At.AddDays(120));
    private static readonly MemorandumTerminated Terminated = new(Memo, Dissolved, At.AddDays(120));

    [Fact]
    public void active_memorandum_is_terminated_with_a_reason() =>
        Spec.Given(Active).When(Terminate).Then(Terminated);

    [Fact]
    public void suspended_memorandum_is_terminated() =>
        Spec.Given([.. Active, Suspended()]).When(Terminate).Then(Terminated);

    [Fact]
    public void terminating_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Terminate).ThenFails("memorandum.not-found");

    [Fact]
    public void terminating_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Terminate).ThenFails("memorandum.not-terminable");

    [Fact]
    public void terminating_a_completed_memorandum_is_refused() =>
        Spec.Given([.. Active, Completed()]).When(Terminate).ThenFails("memorandum.not-terminable");

    [Fact]
    public void terminating_twice_is_refused() =>
        Spec.Given([.. Active, Terminated]).When(Terminate).ThenFails("memorandum.not-terminable");

    [Fact]
    public void termination_without_a_reason_is_refused() =>
        Spec.Given(Active).When(Terminate with { Reason = new BilingualText(null, null) }).ThenFails("memorandum.reason-required");
}
