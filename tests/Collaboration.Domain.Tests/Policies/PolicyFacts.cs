using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;

namespace Collaboration.Domain.Tests.Policies;

/// <summary>Scenario facts: policies explained at the Open Month policy session.</summary>
internal static class PolicyFacts
{
    public static readonly PolicyId Subsidy = PolicyId.From(Guid.Parse("0192f3a0-0000-7000-8000-0000000000a1"));
    public static readonly DateTimeOffset At = new(2024, 9, 20, 14, 0, 0, TimeSpan.FromHours(8));

    public static readonly BilingualText EmploymentPromotionCenter = BilingualText.Both("虹口区就业促进中心", "Hongkou Employment Promotion Center");

    public static readonly PolicyContent SubsidyContent = new(
        BilingualText.Both("一次性创业补贴", "One-off entrepreneurship subsidy"),
        BilingualText.Both("符合条件的初创企业可申请一次性创业补贴。", "Eligible start-ups may apply for a one-off subsidy."),
        EmploymentPromotionCenter,
        PolicyCategory.EntrepreneurshipSubsidy,
        new Uri("https://policies.example.org/hongkou/entrepreneurship-subsidy"));

    public static readonly PolicyContent TechnologyRecognition = new(
        BilingualText.Both("科技型企业认定", "Technology enterprise recognition"),
        BilingualText.Both("科技型中小企业认定指引。", "Guide to recognition as a technology-based SME."),
        BilingualText.Both("虹口区科学技术和经济委员会", "Hongkou Technology and Economic Commission"),
        PolicyCategory.TechnologyEnterpriseRecognition,
        Link: null);

    public static readonly BilingualText RaisedAmount = BilingualText.Both("补贴标准上调", "Subsidy amount raised");

    public static PolicyPublished Published() => new(Subsidy, SubsidyContent, At);

    public static PolicyRevised Revised(int revision = 2) =>
        new(Subsidy, revision, SubsidyContent with { Summary = SubsidyContent.Summary with { En = $"Revision {revision}" } }, RaisedAmount, At.AddDays(revision));

    public static PolicyRetired Retired() => new(Subsidy, BilingualText.Both("已被新政策取代", "Superseded by a new policy"), At.AddDays(90));
}
