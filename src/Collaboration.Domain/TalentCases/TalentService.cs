namespace Collaboration.Domain.TalentCases;

/// <summary>The service a talent asks the district for.</summary>
public enum TalentService
{
    /// <summary>工作许可</summary>
    WorkPermit = 1,

    /// <summary>居留许可</summary>
    ResidencePermit = 2,

    /// <summary>住房保障</summary>
    Housing = 3,

    /// <summary>子女入学</summary>
    ChildrenSchooling = 4,

    /// <summary>医疗服务</summary>
    MedicalCare = 5,

    /// <summary>企业登记</summary>
    BusinessRegistration = 6,

    /// <summary>其他</summary>
    Other = 7,
}
