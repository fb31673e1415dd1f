using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>The stable refusal codes of the Memoranda module.</summary>
public static class MemorandumErrors
{
    public static DomainError AlreadyDrafted { get; } = DomainError.Conflict(
        "memorandum.already-drafted", "The memorandum already exists.", "该备忘录已存在。");

    public static DomainError NotFound { get; } = DomainError.NotFound(
        "memorandum.not-found", "The memorandum has not been drafted.", "该备忘录尚未起草。");

    public static DomainError NotDraft { get; } = DomainError.Rule(
        "memorandum.not-draft", "Only a draft memorandum can be changed this way.", "只有草稿状态的备忘录可以这样修改。");

    public static DomainError NotActive { get; } = DomainError.Rule(
        "memorandum.not-active", "The memorandum is not signed and active.", "该备忘录未处于已签署生效状态。");

    public static DomainError NotSuspended { get; } = DomainError.Rule(
        "memorandum.not-suspended", "Only a suspended memorandum can be resumed.", "只有已暂停的备忘录可以恢复。");

    public static DomainError NotTerminable { get; } = DomainError.Rule(
        "memorandum.not-terminable", "Only a signed or suspended memorandum can be terminated.", "只有已签署或已暂停的备忘录可以终止。");

    public static DomainError TitleRequired { get; } = DomainError.Invalid(
        "memorandum.title-required", "The memorandum needs a title.", "备忘录须有标题。");

    public static DomainError PurposeRequired { get; } = DomainError.Invalid(
        "memorandum.purpose-required", "The memorandum needs a purpose.", "备忘录须说明合作目的。");

    public static DomainError FocusAreaRequired { get; } = DomainError.Invalid(
        "memorandum.focus-area-required", "Name at least one focus area.", "须至少选择一个合作领域。");

    public static DomainError FocusAreaInvalid { get; } = DomainError.Invalid(
        "memorandum.focus-area-invalid", "A focus area is not known.", "合作领域无效。");

    public static DomainError TermInvalid { get; } = DomainError.Invalid(
        "memorandum.term-invalid", "The term must end after it starts.", "合作期限的结束日期须晚于开始日期。");

    public static DomainError PartyRoleInvalid { get; } = DomainError.Invalid(
        "memorandum.party-role-invalid", "The party role is not known.", "签约方角色无效。");

    public static DomainError PartnerInactive { get; } = DomainError.Rule(
        "memorandum.partner-inactive", "A deactivated partner cannot become a party.", "已停用的合作单位不能成为签约方。");

    public static DomainError PartyDuplicate { get; } = DomainError.Conflict(
        "memorandum.party-duplicate", "The partner is already a party.", "该合作单位已是签约方。");

    public static DomainError DistrictOfficeNotGovernment { get; } = DomainError.Rule(
        "memorandum.district-office-not-government",
        "The district office party must be a government department.",
        "区政府办公室一方须为政府部门。");

    public static DomainError DistrictOfficeDuplicate { get; } = DomainError.Conflict(
        "memorandum.district-office-duplicate", "The memorandum already has a district office party.", "该备忘录已有区政府办公室一方。");

    public static DomainError PartyUnknown { get; } = DomainError.NotFound(
        "memorandum.party-unknown", "The partner is not a party to the memorandum.", "该合作单位不是备忘录签约方。");

    public static DomainError DistrictOfficeMissing { get; } = DomainError.Rule(
        "memorandum.district-office-missing", "Signing needs the district office as a party.", "签署须有区政府办公室作为签约方。");

    public static DomainError PartnerPartyMissing { get; } = DomainError.Rule(
        "memorandum.partner-party-missing", "Signing needs at least one partner organisation.", "签署须至少有一家合作单位。");

    public static DomainError SignatoryUnknownParty { get; } = DomainError.Invalid(
        "memorandum.signatory-unknown-party", "A signatory signs for someone who is not a party.", "有签署人所代表的单位不是签约方。");

    public static DomainError SignatoryDuplicate { get; } = DomainError.Invalid(
        "memorandum.signatory-duplicate", "A party has more than one signatory.", "同一签约方有多名签署人。");

    public static DomainError SignatoryMissing { get; } = DomainError.Rule(
        "memorandum.signatory-missing", "Every party needs a signatory.", "每个签约方都须有签署人。");

    public static DomainError SignatoryInvalid { get; } = DomainError.Invalid(
        "memorandum.signatory-invalid", "Each signatory needs a name and a title.", "每位签署人须有姓名和职务。");

    public static DomainError PlaceRequired { get; } = DomainError.Invalid(
        "memorandum.place-required", "The place of signing is required.", "须填写签署地点。");

    public static DomainError SignedAfterTermEnd { get; } = DomainError.Rule(
        "memorandum.signed-after-term-end", "The memorandum cannot be signed after its term ends.", "备忘录不能在合作期限结束后签署。");

    public static DomainError ReasonRequired { get; } = DomainError.Invalid(
        "memorandum.reason-required", "A reason is required.", "须填写原因。");

    public static DomainError AmendmentTextRequired { get; } = DomainError.Invalid(
        "memorandum.amendment-text-required", "The amendment needs its text.", "须填写修订条款内容。");

    public static DomainError PackagePolicyRequired { get; } = DomainError.Invalid(
        "memorandum.package-policy-required", "A policy package holds at least one policy.", "政策服务包须至少包含一项政策。");

    public static DomainError PackagePolicyRetired { get; } = DomainError.Rule(
        "memorandum.package-policy-retired", "A retired policy cannot be delivered.", "已废止的政策不能放入政策服务包。");

    public static DomainError PackageDuplicate { get; } = DomainError.Conflict(
        "memorandum.package-duplicate", "This package has already been delivered.", "该政策服务包已发放。");

    public static DomainError PackageRecipientNotPartner { get; } = DomainError.Rule(
        "memorandum.package-recipient-not-partner",
        "Packages are delivered to partner organisations, not to the district office.",
        "政策服务包发放给合作单位，而非区政府办公室。");

    public static DomainError DeliveryBeforeSigning { get; } = DomainError.Rule(
        "memorandum.delivery-before-signing", "A package cannot be delivered before the memorandum was signed.", "政策服务包不能早于备忘录签署日期发放。");

    public static DomainError PackageUnknown { get; } = DomainError.NotFound(
        "memorandum.package-unknown", "No such package was delivered under this memorandum.", "该备忘录下没有发放此政策服务包。");

    public static DomainError PackageNotForActor { get; } = DomainError.Rule(
        "memorandum.package-not-for-actor", "Only the receiving party can acknowledge the package.", "只有接收单位可以确认收到政策服务包。");

    public static DomainError PackageAlreadyAcknowledged { get; } = DomainError.Conflict(
        "memorandum.package-already-acknowledged", "The package has already been acknowledged.", "该政策服务包已确认收到。");

    public static DomainError NotSigned { get; } = DomainError.Rule(
        "memorandum.not-signed", "Only a signed memorandum can be published.", "只有已签署的备忘录可以公开。");

    public static DomainError AlreadyPublished { get; } = DomainError.Conflict(
        "memorandum.already-published", "The memorandum is already published.", "该备忘录已公开。");
}
