namespace Collaboration.Domain.Visibility;

/// <summary>The kinds of thing the policy decides about: one per aggregate, plus the read models that are not one.</summary>
public enum ItemKind
{
    /// <summary>Anything the policy has no row for: office and auditors only.</summary>
    Unknown = 0,
    Partner = 1,
    Memorandum = 2,
    Commitment = 3,
    TalentCase = 4,
    Feedback = 5,
    Observer = 6,
    Policy = 7,
    /// <summary>The register of partners' names and kinds (the <c>partners</c> view): public.</summary>
    PartnerDirectory = 8,
    /// <summary>The reservation of a partner's external reference.</summary>
    PartnerReference = 9,
    /// <summary>The record of a person's erasure.</summary>
    PersonErasure = 10,
    /// <summary>The district's KPIs.</summary>
    DistrictOverview = 11,
}
