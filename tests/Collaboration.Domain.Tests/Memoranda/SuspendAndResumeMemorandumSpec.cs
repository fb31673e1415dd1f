using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class SuspendAndResumeMemorandumSpec
{
    private static readonly SuspendMemorandum Suspend = new(Memo, Suspended().Reason, Suspended().At);
    private static readonly ResumeMemorandum Resume = new(Memo, At.AddDays(90));

    [Fact]
    public void active_memorandum_is_suspended_with_a_reason() =>
        Spec.Given(Active).When(Suspend).Then(Suspended());

    [Fact]
    public void suspending_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Suspend).ThenFails("memorandum.not-found");

    [Fact]
    public void suspending_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Suspend).ThenFails("memorandum.not-active");

    [Fact]
    public void suspending_twice_is_refused() =>
        Spec.Given([.. Active, Suspended()]).When(Suspend).ThenFails("memorandum.not-active");

    [Fact]
    public void suspension_without_a_reason_is_refused() =>
        Spec.Given(Active).When(Suspend with { Reason = new BilingualText(null, "") }).ThenFails("memorandum.reason-required");

    [Fact]
    public void suspended_memorandum_is_resumed() =>
        Spec.Given([.. Active, Suspended()]).When(Resume).Then(new MemorandumResumed(Memo, At.AddDays(90)));

    [Fact]
    public void resuming_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Resume).ThenFails("memorandum.not-found");

    [Fact]
    public void resuming_an_active_memorandum_is_refused() =>
        Spec.Given(Active).When(Resume).ThenFails("memorandum.not-suspended");

    [Fact]
    public void resumed_memorandum_is_active_again() =>
        MemorandumDecider.Status(Spec.Given([.. Active, Suspended(), new MemorandumResumed(Memo, At.AddDays(90))]).State)
            .Should().Be(MemorandumStatus.Active);
}
