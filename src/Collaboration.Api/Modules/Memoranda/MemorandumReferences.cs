using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>
/// Refusals for ids in a request body that name no aggregate. 422, not 404: the memorandum in the path exists, it is
/// the referenced partner or policy that does not, and the code says which.
/// </summary>
public static class MemorandumReferences
{
    public static DomainError PartnerUnknown(PartnerId partner) => DomainError.Rule(
        "memorandum.partner-unknown", $"No partner {partner} is registered.", $"未登记编号为 {partner} 的合作单位。");

    public static DomainError PolicyUnknown(PolicyId policy) => DomainError.Rule(
        "memorandum.package-policy-unknown", $"No policy {policy} is published.", $"未发布编号为 {policy} 的政策。");
}
