namespace Collaboration.Domain.TalentCases;

/// <summary>How far up a case has been escalated; a case only ever moves up.</summary>
public enum EscalationLevel
{
    /// <summary>科室负责人</summary>
    SectionHead = 1,

    /// <summary>委办局领导</summary>
    BureauLeadership = 2,

    /// <summary>区领导</summary>
    DistrictLeadership = 3,
}
