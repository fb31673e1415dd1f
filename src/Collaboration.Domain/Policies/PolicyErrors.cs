using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>The stable refusal codes of the Policies module.</summary>
public static class PolicyErrors
{
    public static DomainError AlreadyPublished { get; } = DomainError.Conflict(
        "policy.already-published", "The policy is already published.", "该政策已发布。");

    public static DomainError NotPublished { get; } = DomainError.NotFound(
        "policy.not-published", "The policy has not been published.", "该政策尚未发布。");

    public static DomainError Retired { get; } = DomainError.Rule(
        "policy.retired", "The policy has been retired.", "该政策已废止。");

    public static DomainError TitleRequired { get; } = DomainError.Invalid(
        "policy.title-required", "The policy needs a title.", "政策须有标题。");

    public static DomainError SummaryRequired { get; } = DomainError.Invalid(
        "policy.summary-required", "The policy needs a summary.", "政策须有摘要。");

    public static DomainError DepartmentRequired { get; } = DomainError.Invalid(
        "policy.department-required", "The issuing department is required.", "须填写发布部门。");

    public static DomainError CategoryInvalid { get; } = DomainError.Invalid(
        "policy.category-invalid", "The policy category is not known.", "政策类别无效。");

    public static DomainError LinkInvalid { get; } = DomainError.Invalid(
        "policy.link-invalid", "The link must be an absolute http or https address.", "链接须为完整的 http 或 https 地址。");

    public static DomainError ChangesRequired { get; } = DomainError.Invalid(
        "policy.changes-required", "Say what the revision changes.", "须说明本次修订的内容。");

    public static DomainError Unchanged { get; } = DomainError.Rule(
        "policy.unchanged", "The revision does not change the policy.", "本次修订未改变政策内容。");

    public static DomainError ReasonRequired { get; } = DomainError.Invalid(
        "policy.reason-required", "A reason is required.", "须填写原因。");
}
