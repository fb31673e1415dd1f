using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class CompleteMemorandumSpec
{
    private static readonly CompleteMemorandum Complete = new(Memo, Completed().At);

    [Fact]
    public void active_memorandum_is_completed() =>
        Spec.Given(Active).When(Complete).Then(Completed());

    [Fact]
    public void completing_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Complete).ThenFails("memorandum.not-found");

    [Fact]
    public void completing_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Complete).ThenFails("memorandum.not-active");

    [Fact]
    public void completing_a_suspended_memorandum_is_refused() =>
        Spec.Given([.. Active, Suspended()]).When(Complete).ThenFails("memorandum.not-active");
}
