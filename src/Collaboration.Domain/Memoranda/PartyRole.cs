namespace Collaboration.Domain.Memoranda;

/// <summary>Which side of the memorandum a party signs for.</summary>
public enum PartyRole
{
    /// <summary>区政府办公室 — a government department acting for the district.</summary>
    DistrictOffice = 1,

    /// <summary>合作单位 — a chamber, association, park operator or enterprise.</summary>
    PartnerOrganisation = 2,
}
