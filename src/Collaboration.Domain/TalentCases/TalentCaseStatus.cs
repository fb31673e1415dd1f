namespace Collaboration.Domain.TalentCases;

/// <summary>The status shown to people; finer than the state records (an open case is Open or Assigned).</summary>
public enum TalentCaseStatus
{
    /// <summary>已受理</summary>
    Open = 1,

    /// <summary>已分派</summary>
    Assigned = 2,

    /// <summary>待补充材料</summary>
    AwaitingInformation = 3,

    /// <summary>已办结</summary>
    Resolved = 4,

    /// <summary>已退回</summary>
    Rejected = 5,
}
