using System.Collections.Immutable;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// A Government-Society Cooperation Memorandum (政社合作备忘录): drafted, its parties gathered,
/// signed, amended, suspended and resumed, completed or terminated; policy packages are delivered
/// to partner parties under it and acknowledged by them.
/// </summary>
public sealed class MemorandumDecider : IDecider<MemorandumState, IMemorandumCommand, IMemorandumEvent>
{
    public static MemorandumState Initial => NoMemorandum.Instance;

    public static string StreamName(MemorandumId id) => StreamCatalogue.Memoranda.StreamOf(id.Value);

    public static MemorandumStatus? Status(MemorandumState state) => state switch
    {
        MemorandumDraft => MemorandumStatus.Draft,
        SignedMemorandum => MemorandumStatus.Active,
        SuspendedMemorandum => MemorandumStatus.Suspended,
        CompletedMemorandum => MemorandumStatus.Completed,
        TerminatedMemorandum => MemorandumStatus.Terminated,
        _ => null,
    };

    /// <summary>The facts commitment commands need, or null when the stream holds no memorandum.</summary>
    public static MemorandumSnapshot? Snapshot(MemorandumState state) => state switch
    {
        MemorandumDraft d => new MemorandumSnapshot(
            d.Id, MemorandumStatus.Draft, d.Parties.Select(p => p.Partner).ToList(), d.FocusAreas, d.TermStart, d.TermEnd),
        _ when AgreementOf(state) is { } a => new MemorandumSnapshot(
            a.Id, Status(state)!.Value, a.Parties.Select(p => p.Partner).ToList(), a.FocusAreas, a.TermStart, a.TermEnd),
        _ => null,
    };

    public static Decision<IMemorandumEvent> Decide(IMemorandumCommand command, MemorandumState state) => command switch
    {
        DraftMemorandum c => Draft(c, state),
        AddMemorandumParty c => AddParty(c, state),
        RemoveMemorandumParty c => RemoveParty(c, state),
        SignMemorandum c => Sign(c, state),
        AmendMemorandum c => Amend(c, state),
        SuspendMemorandum c => Suspend(c, state),
        ResumeMemorandum c => Resume(c, state),
        CompleteMemorandum c => Complete(c, state),
        TerminateMemorandum c => Terminate(c, state),
        PublishMemorandum c => Publish(c, state),
        DeliverPolicyPackage c => Deliver(c, state),
        AcknowledgePolicyPackage c => Acknowledge(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown memorandum command."),
    };

    public static MemorandumState Evolve(MemorandumState state, IMemorandumEvent @event) => (state, @event) switch
    {
        (NoMemorandum, MemorandumDrafted e) =>
            new MemorandumDraft(e.Memorandum, e.Title, e.Purpose, e.FocusAreas, e.TermStart, e.TermEnd, []),
        (MemorandumDraft d, MemorandumPartyAdded e) =>
            d with { Parties = d.Parties.Add(new MemorandumParty(e.Partner, e.Role, e.Name)) },
        (MemorandumDraft d, MemorandumPartyRemoved e) =>
            d with { Parties = d.Parties.RemoveAll(p => p.Partner == e.Partner) },
        (MemorandumDraft d, MemorandumSigned e) => new SignedMemorandum(new MemorandumAgreement(
            d.Id, d.Title, d.Purpose, d.FocusAreas, d.TermStart, d.TermEnd, d.Parties, e.Signatories, e.SignedOn, e.Place,
            AmendmentCount: 0, ImmutableDictionary<PackageId, DeliveredPackage>.Empty)),
        (SignedMemorandum s, MemorandumAmended e) => new SignedMemorandum(s.Agreement with
        {
            AmendmentCount = e.Number, FocusAreas = e.FocusAreas, TermEnd = e.TermEnd,
        }),
        (SignedMemorandum s, MemorandumSuspended e) => new SuspendedMemorandum(s.Agreement, e.Reason),
        (SuspendedMemorandum s, MemorandumResumed) => new SignedMemorandum(s.Agreement),
        (SignedMemorandum s, MemorandumCompleted) => new CompletedMemorandum(s.Agreement),
        (SignedMemorandum s, MemorandumTerminated e) => new TerminatedMemorandum(s.Agreement, e.Reason),
        (SuspendedMemorandum s, MemorandumTerminated e) => new TerminatedMemorandum(s.Agreement, e.Reason),
        (_, MemorandumPublished e) when AgreementOf(state) is { } a => WithAgreement(state, a with { PublishedAt = e.At }),
        (SignedMemorandum s, PolicyPackageDelivered e) => new SignedMemorandum(s.Agreement with
        {
            Packages = s.Agreement.Packages.SetItem(
                e.Package, new DeliveredPackage(e.Package, e.Party, e.Policies, e.DeliveredOn, IsAcknowledged: false)),
        }),
        (SignedMemorandum s, PolicyPackageAcknowledged e) when s.Agreement.Packages.TryGetValue(e.Package, out var p) =>
            new SignedMemorandum(s.Agreement with
            {
                Packages = s.Agreement.Packages.SetItem(e.Package, p with { IsAcknowledged = true }),
            }),
        _ => state,
    };

    private static MemorandumAgreement? AgreementOf(MemorandumState state) => state switch
    {
        SignedMemorandum s => s.Agreement,
        SuspendedMemorandum s => s.Agreement,
        CompletedMemorandum s => s.Agreement,
        TerminatedMemorandum s => s.Agreement,
        _ => null,
    };

    /// <summary>The same status holding a changed agreement.</summary>
    private static MemorandumState WithAgreement(MemorandumState state, MemorandumAgreement agreement) => state switch
    {
        SignedMemorandum => new SignedMemorandum(agreement),
        SuspendedMemorandum s => s with { Agreement = agreement },
        CompletedMemorandum => new CompletedMemorandum(agreement),
        TerminatedMemorandum s => s with { Agreement = agreement },
        _ => state,
    };

    /// <summary>True when the office has published the memorandum (a draft never is).</summary>
    public static bool IsPublished(MemorandumState state) => AgreementOf(state)?.IsPublished == true;

    private static Decision<IMemorandumEvent> Accept(IMemorandumEvent @event) => Decision<IMemorandumEvent>.Accept(@event);

    private static Decision<IMemorandumEvent> Draft(DraftMemorandum c, MemorandumState state)
    {
        if (state is not NoMemorandum)
        {
            return MemorandumErrors.AlreadyDrafted;
        }

        if (c.Title.IsEmpty)
        {
            return MemorandumErrors.TitleRequired;
        }

        if (c.Purpose.IsEmpty)
        {
            return MemorandumErrors.PurposeRequired;
        }

        if (ValidateFocusAreas(c.FocusAreas) is { } invalid)
        {
            return invalid;
        }

        if (c.TermEnd <= c.TermStart)
        {
            return MemorandumErrors.TermInvalid;
        }

        return Accept(new MemorandumDrafted(
            c.Memorandum, c.Title, c.Purpose, c.FocusAreas.Distinct().ToList(), c.TermStart, c.TermEnd, c.At));
    }

    private static Decision<IMemorandumEvent> AddParty(AddMemorandumParty c, MemorandumState state)
    {
        if (state is not MemorandumDraft draft)
        {
            return NotDraft(state);
        }

        if (!Enum.IsDefined(c.Role))
        {
            return MemorandumErrors.PartyRoleInvalid;
        }

        if (!c.Partner.IsActive)
        {
            return MemorandumErrors.PartnerInactive;
        }

        if (draft.Parties.Exists(p => p.Partner == c.Partner.Id))
        {
            return MemorandumErrors.PartyDuplicate;
        }

        if (c.Role == PartyRole.DistrictOffice)
        {
            if (c.Partner.Kind != PartnerKind.GovernmentDepartment)
            {
                return MemorandumErrors.DistrictOfficeNotGovernment;
            }

            if (draft.Parties.Exists(p => p.Role == PartyRole.DistrictOffice))
            {
                return MemorandumErrors.DistrictOfficeDuplicate;
            }
        }

        return Accept(new MemorandumPartyAdded(c.Memorandum, c.Partner.Id, c.Role, c.Partner.Name, c.At));
    }

    private static Decision<IMemorandumEvent> RemoveParty(RemoveMemorandumParty c, MemorandumState state)
    {
        if (state is not MemorandumDraft draft)
        {
            return NotDraft(state);
        }

        return draft.Parties.Exists(p => p.Partner == c.Partner)
            ? Accept(new MemorandumPartyRemoved(c.Memorandum, c.Partner, c.At))
            : MemorandumErrors.PartyUnknown;
    }

    private static Decision<IMemorandumEvent> Sign(SignMemorandum c, MemorandumState state)
    {
        if (state is not MemorandumDraft draft)
        {
            return NotDraft(state);
        }

        if (!draft.Parties.Exists(p => p.Role == PartyRole.DistrictOffice))
        {
            return MemorandumErrors.DistrictOfficeMissing;
        }

        if (!draft.Parties.Exists(p => p.Role == PartyRole.PartnerOrganisation))
        {
            return MemorandumErrors.PartnerPartyMissing;
        }

        var parties = draft.Parties.Select(p => p.Partner).ToHashSet();
        if (c.Signatories.Any(s => !parties.Contains(s.Party)))
        {
            return MemorandumErrors.SignatoryUnknownParty;
        }

        if (c.Signatories.DistinctBy(s => s.Party).Count() != c.Signatories.Count)
        {
            return MemorandumErrors.SignatoryDuplicate;
        }

        if (c.Signatories.Count != parties.Count)
        {
            return MemorandumErrors.SignatoryMissing;
        }

        if (c.Signatories.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Title.IsEmpty))
        {
            return MemorandumErrors.SignatoryInvalid;
        }

        if (c.Place.IsEmpty)
        {
            return MemorandumErrors.PlaceRequired;
        }

        if (c.SignedOn > draft.TermEnd)
        {
            return MemorandumErrors.SignedAfterTermEnd;
        }

        return Accept(new MemorandumSigned(c.Memorandum, c.Signatories, c.SignedOn, c.Place, c.At));
    }

    private static Decision<IMemorandumEvent> Amend(AmendMemorandum c, MemorandumState state)
    {
        if (state is not SignedMemorandum { Agreement: var agreement })
        {
            return NotActive(state);
        }

        if (c.Reason.IsEmpty)
        {
            return MemorandumErrors.ReasonRequired;
        }

        if (c.Text.IsEmpty)
        {
            return MemorandumErrors.AmendmentTextRequired;
        }

        if (c.FocusAreas is not null && ValidateFocusAreas(c.FocusAreas) is { } invalid)
        {
            return invalid;
        }

        var termEnd = c.TermEnd ?? agreement.TermEnd;
        if (termEnd <= agreement.TermStart)
        {
            return MemorandumErrors.TermInvalid;
        }

        var focusAreas = c.FocusAreas?.Distinct().ToList() ?? agreement.FocusAreas;
        return Accept(new MemorandumAmended(
            c.Memorandum, agreement.AmendmentCount + 1, c.Reason, c.Text, focusAreas, termEnd, c.At));
    }

    private static Decision<IMemorandumEvent> Suspend(SuspendMemorandum c, MemorandumState state) => state switch
    {
        SignedMemorandum when c.Reason.IsEmpty => MemorandumErrors.ReasonRequired,
        SignedMemorandum => Accept(new MemorandumSuspended(c.Memorandum, c.Reason, c.At)),
        _ => NotActive(state),
    };

    private static Decision<IMemorandumEvent> Resume(ResumeMemorandum c, MemorandumState state) => state switch
    {
        NoMemorandum => MemorandumErrors.NotFound,
        SuspendedMemorandum => Accept(new MemorandumResumed(c.Memorandum, c.At)),
        _ => MemorandumErrors.NotSuspended,
    };

    private static Decision<IMemorandumEvent> Complete(CompleteMemorandum c, MemorandumState state) => state switch
    {
        SignedMemorandum => Accept(new MemorandumCompleted(c.Memorandum, c.At)),
        _ => NotActive(state),
    };

    private static Decision<IMemorandumEvent> Terminate(TerminateMemorandum c, MemorandumState state) => state switch
    {
        NoMemorandum => MemorandumErrors.NotFound,
        SignedMemorandum or SuspendedMemorandum when c.Reason.IsEmpty => MemorandumErrors.ReasonRequired,
        SignedMemorandum or SuspendedMemorandum => Accept(new MemorandumTerminated(c.Memorandum, c.Reason, c.At)),
        _ => MemorandumErrors.NotTerminable,
    };

    // Whatever happened after signing stays part of the public record, so a suspended, completed or terminated
    // memorandum can still be published; a draft is not an agreement yet.
    private static Decision<IMemorandumEvent> Publish(PublishMemorandum c, MemorandumState state) => state switch
    {
        NoMemorandum => MemorandumErrors.NotFound,
        MemorandumDraft => MemorandumErrors.NotSigned,
        _ when AgreementOf(state) is { IsPublished: true } => MemorandumErrors.AlreadyPublished,
        _ => Accept(new MemorandumPublished(c.Memorandum, c.At)),
    };

    private static Decision<IMemorandumEvent> Deliver(DeliverPolicyPackage c, MemorandumState state)
    {
        if (state is not SignedMemorandum { Agreement: var agreement })
        {
            return NotActive(state);
        }

        var party = agreement.Parties.FirstOrDefault(p => p.Partner == c.Party);
        if (party is null)
        {
            return MemorandumErrors.PartyUnknown;
        }

        if (party.Role != PartyRole.PartnerOrganisation)
        {
            return MemorandumErrors.PackageRecipientNotPartner;
        }

        if (agreement.Packages.ContainsKey(c.Package))
        {
            return MemorandumErrors.PackageDuplicate;
        }

        if (c.Policies.Count == 0)
        {
            return MemorandumErrors.PackagePolicyRequired;
        }

        if (c.Policies.Any(p => p.IsRetired))
        {
            return MemorandumErrors.PackagePolicyRetired;
        }

        if (c.DeliveredOn < agreement.SignedOn)
        {
            return MemorandumErrors.DeliveryBeforeSigning;
        }

        var policies = c.Policies.Select(p => p.Id).Distinct().ToList();
        return Accept(new PolicyPackageDelivered(c.Memorandum, c.Package, c.Party, policies, c.DeliveredOn, c.At));
    }

    private static Decision<IMemorandumEvent> Acknowledge(AcknowledgePolicyPackage c, MemorandumState state)
    {
        if (state is not SignedMemorandum { Agreement: var agreement })
        {
            return NotActive(state);
        }

        if (!agreement.Packages.TryGetValue(c.Package, out var package))
        {
            return MemorandumErrors.PackageUnknown;
        }

        // Receipt is the partner's own statement: the office cannot acknowledge on its behalf.
        if (c.By.Role != ActorRole.Partner || c.By.Organisation != package.Party)
        {
            return MemorandumErrors.PackageNotForActor;
        }

        if (package.IsAcknowledged)
        {
            return MemorandumErrors.PackageAlreadyAcknowledged;
        }

        return Accept(new PolicyPackageAcknowledged(c.Memorandum, c.Package, package.Party, c.By.Id, c.At));
    }

    private static DomainError? ValidateFocusAreas(IReadOnlyList<FocusArea> focusAreas)
    {
        if (focusAreas.Count == 0)
        {
            return MemorandumErrors.FocusAreaRequired;
        }

        return focusAreas.All(Enum.IsDefined) ? null : MemorandumErrors.FocusAreaInvalid;
    }

    private static DomainError NotDraft(MemorandumState state) =>
        state is NoMemorandum ? MemorandumErrors.NotFound : MemorandumErrors.NotDraft;

    private static DomainError NotActive(MemorandumState state) =>
        state is NoMemorandum ? MemorandumErrors.NotFound : MemorandumErrors.NotActive;
}
