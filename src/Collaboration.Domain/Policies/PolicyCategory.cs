namespace Collaboration.Domain.Policies;

public enum PolicyCategory
{
    /// <summary>创业补贴</summary>
    EntrepreneurshipSubsidy = 1,

    /// <summary>职业培训</summary>
    VocationalTraining = 2,

    /// <summary>科技企业认定</summary>
    TechnologyEnterpriseRecognition = 3,

    /// <summary>人才</summary>
    Talent = 4,

    /// <summary>投资促进</summary>
    Investment = 5,
}
