using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>The stable refusal codes of the publicity points.</summary>
public static class PublicityPointErrors
{
    public static DomainError AlreadyDesignated { get; } = DomainError.Conflict(
        "publicity-point.already-designated", "The publicity point is already designated.", "该政策宣传点已认定。");

    public static DomainError NotDesignated { get; } = DomainError.NotFound(
        "publicity-point.not-designated", "The publicity point has not been designated.", "该政策宣传点尚未认定。");

    public static DomainError Withdrawn { get; } = DomainError.Rule(
        "publicity-point.withdrawn", "The publicity point has been withdrawn.", "该政策宣传点已撤销。");

    public static DomainError NameRequired { get; } = DomainError.Invalid(
        "publicity-point.name-required", "The publicity point needs a name.", "政策宣传点须有名称。");

    public static DomainError AddressRequired { get; } = DomainError.Invalid(
        "publicity-point.address-required", "The publicity point needs an address.", "政策宣传点须有地址。");

    public static DomainError PoliciesRequired { get; } = DomainError.Invalid(
        "publicity-point.policies-required", "Name at least one policy the point explains, each once.", "须列出该点宣传的政策（至少一项，不得重复）。");

    public static DomainError Unchanged { get; } = DomainError.Rule(
        "publicity-point.unchanged", "The revision does not change the publicity point.", "本次修改未改变政策宣传点。");

    public static DomainError ReasonRequired { get; } = DomainError.Invalid(
        "publicity-point.reason-required", "A reason is required.", "须填写原因。");
}
