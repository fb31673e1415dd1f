namespace Collaboration.Domain.Partners;

/// <summary>What kind of organisation a partner is; the district office party must be a government department.</summary>
public enum PartnerKind
{
    /// <summary>商会</summary>
    ChamberOfCommerce = 1,

    /// <summary>行业协会</summary>
    IndustryAssociation = 2,

    /// <summary>产业园区</summary>
    IndustrialPark = 3,

    /// <summary>企业</summary>
    Enterprise = 4,

    /// <summary>政府部门</summary>
    GovernmentDepartment = 5,
}
