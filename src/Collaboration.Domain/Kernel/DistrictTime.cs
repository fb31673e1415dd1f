namespace Collaboration.Domain.Kernel;

/// <summary>
/// The district's wall clock. Business dates (due dates, working-day deadlines, "today" for overdue) are Shanghai
/// calendar days, not UTC ones: a case opened at 07:30 Beijing time on a Monday is a Monday case although it is
/// still Sunday in UTC. China has one fixed offset and no daylight saving, so no time-zone database is needed.
/// </summary>
public static class DistrictTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Shanghai calendar date of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today's Shanghai date.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());
}
