namespace Collaboration.Domain.TalentCases;

/// <summary>The fixed working-day marks at which the officer is reminded of a case's deadline.</summary>
public enum ReminderMark
{
    /// <summary>还剩3个工作日</summary>
    ThreeWorkingDaysLeft = 1,

    /// <summary>还剩1个工作日</summary>
    OneWorkingDayLeft = 2,

    /// <summary>已超期（超期后第一个工作日）</summary>
    Breached = 3,
}
