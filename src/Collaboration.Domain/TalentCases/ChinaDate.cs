namespace Collaboration.Domain.TalentCases;

/// <summary>
/// The business date of a moment. Deadlines are counted in Shanghai's calendar days, not UTC ones:
/// a case opened at 07:30 Beijing time on a Monday is a Monday case even though it is still Sunday in
/// UTC. China has one fixed offset and no daylight saving, so no time-zone database is needed.
/// </summary>
public static class ChinaDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
