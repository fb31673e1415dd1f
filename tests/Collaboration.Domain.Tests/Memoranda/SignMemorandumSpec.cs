using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class SignMemorandumSpec
{
    private static SignMemorandum Sign(params PartySignatory[] signatories) =>
        new(Memo, signatories.Length == 0 ? [OfficeSignatory, ChamberSignatory] : signatories, SigningDay, RuihongEnterpriseWorld, At);

    [Fact]
    public void district_office_and_chamber_sign_at_ruihong_enterprise_world() =>
        Spec.Given(ReadyToSign).When(Sign()).Then(Signed());

    [Fact]
    public void signing_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Sign()).ThenFails("memorandum.not-found");

    [Fact]
    public void signing_twice_is_refused() =>
        Spec.Given(Active).When(Sign()).ThenFails("memorandum.not-draft");

    [Fact]
    public void signing_without_the_district_office_is_refused() =>
        Spec.Given(Drafted(), ChamberAdded()).When(Sign(ChamberSignatory)).ThenFails("memorandum.district-office-missing");

    [Fact]
    public void signing_without_a_partner_organisation_is_refused() =>
        Spec.Given(Drafted(), OfficeAdded()).When(Sign(OfficeSignatory)).ThenFails("memorandum.partner-party-missing");

    [Fact]
    public void signatory_for_someone_who_is_not_a_party_is_refused() =>
        Spec.Given(ReadyToSign)
            .When(Sign(OfficeSignatory, ChamberSignatory, ChamberSignatory with { Party = Park }))
            .ThenFails("memorandum.signatory-unknown-party");

    [Fact]
    public void two_signatories_for_one_party_are_refused() =>
        Spec.Given(ReadyToSign)
            .When(Sign(OfficeSignatory, ChamberSignatory, ChamberSignatory with { Name = "赵强" }))
            .ThenFails("memorandum.signatory-duplicate");

    [Fact]
    public void party_without_a_signatory_is_refused() =>
        Spec.Given(ReadyToSign).When(Sign(OfficeSignatory)).ThenFails("memorandum.signatory-missing");

    [Fact]
    public void signatory_without_a_name_is_refused() =>
        Spec.Given(ReadyToSign).When(Sign(OfficeSignatory, ChamberSignatory with { Name = " " })).ThenFails("memorandum.signatory-invalid");

    [Fact]
    public void signatory_without_a_title_is_refused() =>
        Spec.Given(ReadyToSign)
            .When(Sign(OfficeSignatory with { Title = new BilingualText(null, null) }, ChamberSignatory))
            .ThenFails("memorandum.signatory-invalid");

    [Fact]
    public void signing_without_a_place_is_refused() =>
        Spec.Given(ReadyToSign).When(Sign() with { Place = new BilingualText("", "") }).ThenFails("memorandum.place-required");

    [Fact]
    public void signing_after_the_term_has_ended_is_refused() =>
        Spec.Given(ReadyToSign).When(Sign() with { SignedOn = TermEnd.AddDays(1) }).ThenFails("memorandum.signed-after-term-end");
}
