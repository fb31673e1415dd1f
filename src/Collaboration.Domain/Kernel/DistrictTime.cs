namespace Collaboration.Domain.Kernel;

/// <summary>
/// The district's wall clock, and the only place its offset is written down. Business dates (due dates, working-day
/// deadlines, "today" for overdue) are Shanghai calendar days, not UTC ones: a case opened at 07:30 Beijing time on a
/// Monday is a Monday case although it is still Sunday in UTC. China has one fixed offset and no daylight saving, so
/// no time-zone database is needed. Events store moments in UTC; this clock is for dates and for what people read.
/// </summary>
public static class DistrictTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Shanghai calendar date of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today's Shanghai date.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>A moment as a Shanghai wall clock shows it (the same instant), for people to read.</summary>
    public static DateTimeOffset OnDistrictClock(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The moment a Shanghai wall clock reading names, whatever zone the parser assumed.</summary>
    public static DateTimeOffset FromDistrictClock(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);
}
