using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;

namespace Collaboration.Domain.Tests.Memoranda;

/// <summary>
/// Scenario facts: the Hongkou District Government Office and the Shanghai International Chamber of
/// Commerce sign the Government-Society Cooperation Memorandum at Ruihong Enterprise World.
/// </summary>
internal static class MemorandumFacts
{
    public static readonly MemorandumId Memo = MemorandumId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000b1"));
    public static readonly PartnerId Office = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000c1"));
    public static readonly PartnerId Chamber = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000c2"));
    public static readonly PartnerId Park = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000c3"));
    public static readonly PackageId Package = PackageId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000d1"));
    public static readonly PolicyId Subsidy = PolicyId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000e1"));
    public static readonly PolicyId Training = PolicyId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000e2"));

    public static readonly DateTimeOffset At = new(2024, 9, 20, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly TermStart = new(2024, 9, 1);
    public static readonly DateOnly TermEnd = new(2027, 8, 31);
    public static readonly DateOnly SigningDay = new(2024, 9, 20);

    public static readonly BilingualText Title = BilingualText.Both("政社合作备忘录", "Government-Society Cooperation Memorandum");
    public static readonly BilingualText Purpose = BilingualText.Both(
        "建立长效合作机制，畅通政策沟通渠道", "A long-term framework to smooth policy communication channels");
    public static readonly FocusArea[] Areas =
        [FocusArea.HighLevelTalentServices, FocusArea.DomesticInvestmentPromotion, FocusArea.ForeignInvestmentPromotion, FocusArea.ParkIndustrialPolicy];
    public static readonly BilingualText RuihongEnterpriseWorld = BilingualText.Both("瑞虹企业天地", "Ruihong Enterprise World");
    public static readonly BilingualText Because = BilingualText.Both("双方协商一致", "Agreed by both sides");

    public static readonly PartnerSummary OfficeSummary = new(
        Office, PartnerKind.GovernmentDepartment, BilingualText.Both("虹口区政府办公室", "Hongkou District Government Office"), IsActive: true);
    public static readonly PartnerSummary ChamberSummary = new(
        Chamber, PartnerKind.ChamberOfCommerce, BilingualText.Both("上海国际商会", "Shanghai International Chamber of Commerce"), IsActive: true);
    public static readonly PartnerSummary ParkSummary = new(
        Park, PartnerKind.IndustrialPark, BilingualText.Both("北外滩产业园", "North Bund Industrial Park"), IsActive: true);

    public static readonly PartySignatory OfficeSignatory = new(Office, "李明", BilingualText.Both("主任", "Director"));
    public static readonly PartySignatory ChamberSignatory = new(Chamber, "张华", BilingualText.Both("副会长", "Vice-President"));

    public static readonly Actor ChamberUser = Actor.Partner("sicc-liaison", Chamber);

    public static MemorandumDrafted Drafted() => new(Memo, Title, Purpose, Areas, TermStart, TermEnd, At.AddDays(-19));

    public static MemorandumPartyAdded OfficeAdded() =>
        new(Memo, Office, PartyRole.DistrictOffice, OfficeSummary.Name, At.AddDays(-18));

    public static MemorandumPartyAdded ChamberAdded() =>
        new(Memo, Chamber, PartyRole.PartnerOrganisation, ChamberSummary.Name, At.AddDays(-18));

    public static MemorandumSigned Signed() =>
        new(Memo, [OfficeSignatory, ChamberSignatory], SigningDay, RuihongEnterpriseWorld, At);

    public static MemorandumSuspended Suspended() => new(Memo, BilingualText.Both("机构调整", "Reorganisation"), At.AddDays(60));

    public static MemorandumCompleted Completed() => new(Memo, At.AddDays(1000));

    public static PolicyPackageDelivered Delivered() =>
        new(Memo, Package, Chamber, [Subsidy, Training], SigningDay, At.AddHours(1));

    /// <summary>A draft with the district office and the chamber as parties.</summary>
    public static IMemorandumEvent[] ReadyToSign => [Drafted(), OfficeAdded(), ChamberAdded()];

    public static IMemorandumEvent[] Active => [.. ReadyToSign, Signed()];

    public static IMemorandumEvent[] WithPackage => [.. Active, Delivered()];
}
