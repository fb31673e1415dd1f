namespace Collaboration.Domain.Kernel;

/// <summary>The work areas a memorandum commits both sides to (shared by memoranda and commitments).</summary>
public enum FocusArea
{
    /// <summary>高层次人才服务</summary>
    HighLevelTalentServices = 1,

    /// <summary>内资招商</summary>
    DomesticInvestmentPromotion = 2,

    /// <summary>外资招商</summary>
    ForeignInvestmentPromotion = 3,

    /// <summary>园区产业政策落地</summary>
    ParkIndustrialPolicy = 4,

    /// <summary>政策宣传</summary>
    PolicyPublicity = 5,
}
