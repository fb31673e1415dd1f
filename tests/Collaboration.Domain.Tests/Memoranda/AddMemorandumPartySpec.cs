using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class AddMemorandumPartySpec
{
    private static AddMemorandumParty AddChamber => new(Memo, ChamberSummary, PartyRole.PartnerOrganisation, ChamberAdded().At);

    private static AddMemorandumParty AddOffice => new(Memo, OfficeSummary, PartyRole.DistrictOffice, OfficeAdded().At);

    [Fact]
    public void chamber_of_commerce_joins_the_draft_under_its_bilingual_name() =>
        Spec.Given(Drafted()).When(AddChamber).Then(ChamberAdded());

    [Fact]
    public void district_government_office_joins_as_the_district_office_party() =>
        Spec.Given(Drafted()).When(AddOffice).Then(OfficeAdded());

    [Fact]
    public void adding_a_party_to_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(AddChamber).ThenFails("memorandum.not-found");

    [Fact]
    public void adding_a_party_after_signing_is_refused() =>
        Spec.Given(Active).When(AddChamber with { Partner = ParkSummary }).ThenFails("memorandum.not-draft");

    [Fact]
    public void unknown_party_role_is_refused() =>
        Spec.Given(Drafted()).When(AddChamber with { Role = (PartyRole)9 }).ThenFails("memorandum.party-role-invalid");

    [Fact]
    public void deactivated_partner_cannot_be_added() =>
        Spec.Given(Drafted()).When(AddChamber with { Partner = ChamberSummary with { IsActive = false } })
            .ThenFails("memorandum.partner-inactive");

    [Fact]
    public void the_same_partner_cannot_be_added_twice() =>
        Spec.Given(Drafted(), ChamberAdded()).When(AddChamber).ThenFails("memorandum.party-duplicate");

    [Fact]
    public void district_office_party_must_be_a_government_department() =>
        Spec.Given(Drafted()).When(AddChamber with { Role = PartyRole.DistrictOffice }).ThenFails("memorandum.district-office-not-government");

    [Fact]
    public void a_second_district_office_party_is_refused() =>
        Spec.Given(Drafted(), OfficeAdded())
            .When(AddOffice with { Partner = OfficeSummary with { Id = PartnerId.New() } })
            .ThenFails("memorandum.district-office-duplicate");
}
