using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using FsCheck.Xunit;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class MemorandumSigningProperties
{
    private static readonly PartnerSummary[] Candidates =
    [
        OfficeSummary,
        ChamberSummary,
        ParkSummary,
        new(PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000c4")), PartnerKind.GovernmentDepartment,
            BilingualText.Both("虹口区人才工作局", "Hongkou Talent Work Bureau"), IsActive: true),
        ChamberSummary with { Id = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000c5")), IsActive = false },
    ];

    /// <summary>
    /// Whatever sequence of add, remove and sign attempts is made (with signatories for exactly the
    /// current parties, so only the party rule can stop it), the memorandum is never Signed unless it
    /// has a district-office party and a partner-organisation party.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool memorandum_never_reaches_signed_without_district_office_and_partner(byte[] steps)
    {
        MemorandumState state = MemorandumDecider.Evolve(MemorandumDecider.Initial, Drafted());
        foreach (var step in steps)
        {
            var candidate = Candidates[step % Candidates.Length];
            var role = (step / Candidates.Length) % 2 == 0 ? PartyRole.PartnerOrganisation : PartyRole.DistrictOffice;
            IMemorandumCommand command = (step / (Candidates.Length * 2) % 3) switch
            {
                0 => new AddMemorandumParty(Memo, candidate, role, At),
                1 => new RemoveMemorandumParty(Memo, candidate.Id, At),
                _ => SignEveryone(state),
            };

            foreach (var e in MemorandumDecider.Decide(command, state).Events)
            {
                state = MemorandumDecider.Evolve(state, e);
            }

            if (state is SignedMemorandum signed && !HasBothSides(signed.Agreement.Parties))
            {
                return false;
            }
        }

        return state is not SignedMemorandum s || HasBothSides(s.Agreement.Parties);
    }

    private static SignMemorandum SignEveryone(MemorandumState state)
    {
        var parties = state is MemorandumDraft d ? d.Parties.Select(p => p.Partner).ToList() : [];
        var signatories = parties.Select(p => new PartySignatory(p, "签署人", BilingualText.Both("代表", "Representative"))).ToList();
        return new SignMemorandum(Memo, signatories, SigningDay, RuihongEnterpriseWorld, At);
    }

    private static bool HasBothSides(IReadOnlyList<MemorandumParty> parties) =>
        parties.Any(p => p.Role == PartyRole.DistrictOffice) && parties.Any(p => p.Role == PartyRole.PartnerOrganisation);
}
