using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class RemoveMemorandumPartySpec
{
    private static readonly RemoveMemorandumParty RemoveChamber = new(Memo, Chamber, At.AddDays(-17));

    [Fact]
    public void party_is_removed_from_the_draft() =>
        Spec.Given(ReadyToSign).When(RemoveChamber).Then(new MemorandumPartyRemoved(Memo, Chamber, At.AddDays(-17)));

    [Fact]
    public void removing_from_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(RemoveChamber).ThenFails("memorandum.not-found");

    [Fact]
    public void removing_a_party_after_signing_is_refused() =>
        Spec.Given(Active).When(RemoveChamber).ThenFails("memorandum.not-draft");

    [Fact]
    public void removing_a_partner_that_is_not_a_party_is_refused() =>
        Spec.Given(Drafted(), OfficeAdded()).When(RemoveChamber).ThenFails("memorandum.party-unknown");
}
