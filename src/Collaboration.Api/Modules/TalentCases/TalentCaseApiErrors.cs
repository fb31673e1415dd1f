using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Refusals the application raises before the decider runs, because they concern another stream.</summary>
public static class TalentCaseApiErrors
{
    public static readonly DomainError ReferrerUnknown = DomainError.Rule(
        "talent-case.referrer-unknown",
        "The referring partner is not in the partner register.",
        "推荐单位不在合作单位名录中。");
}
