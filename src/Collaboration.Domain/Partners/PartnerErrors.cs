using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>The stable refusal codes of the Partners module.</summary>
public static class PartnerErrors
{
    public static DomainError AlreadyRegistered { get; } = DomainError.Conflict(
        "partner.already-registered", "The partner is already registered.", "该合作单位已登记。");

    public static DomainError NotRegistered { get; } = DomainError.NotFound(
        "partner.not-registered", "The partner is not registered.", "该合作单位尚未登记。");

    public static DomainError Inactive { get; } = DomainError.Rule(
        "partner.inactive", "The partner has been deactivated.", "该合作单位已停用。");

    public static DomainError NameRequired { get; } = DomainError.Invalid(
        "partner.name-required", "The partner needs a name in Chinese or English.", "合作单位须有中文或英文名称。");

    public static DomainError KindInvalid { get; } = DomainError.Invalid(
        "partner.kind-invalid", "The kind of organisation is not known.", "单位类型无效。");

    public static DomainError ContactInvalid { get; } = DomainError.Invalid(
        "partner.contact-invalid", "Each contact needs a name, and an email address must contain '@'.", "每位联系人须有姓名，电子邮箱须包含“@”。");

    public static DomainError ReferenceInvalid { get; } = DomainError.Invalid(
        "partner.reference-invalid",
        "The external reference must be 1–100 letters, digits or the characters - _ . / :.",
        "外部编号须为1至100个字母、数字或 - _ . / : 字符。");

    public static DomainError ReferenceTaken { get; } = DomainError.Conflict(
        "partner.reference-taken", "The external reference already belongs to another partner.", "该外部编号已属于其他合作单位。");

    public static DomainError ReasonRequired { get; } = DomainError.Invalid(
        "partner.reason-required", "A reason is required.", "须填写原因。");
}
