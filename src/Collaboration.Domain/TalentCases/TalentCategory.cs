namespace Collaboration.Domain.TalentCases;

/// <summary>
/// The talent's category, kept outside <see cref="Kernel.PersonalDetails"/> on purpose: like the
/// nationality it is a non-identifying statistic the district reports on, and it must survive
/// crypto-shredding of the person.
/// </summary>
public enum TalentCategory
{
    /// <summary>外国高端人才（A类）</summary>
    ForeignHighEndA = 1,

    /// <summary>外国专业人才（B类）</summary>
    ForeignProfessionalB = 2,

    /// <summary>其他外国人员（C类）</summary>
    ForeignOtherC = 3,

    /// <summary>国内高层次人才</summary>
    DomesticHighLevel = 4,

    /// <summary>留学回国人员</summary>
    ReturnedOverseas = 5,
}
