namespace Collaboration.Api.Modules.Commitments;

/// <summary>
/// Hongkou's wall clock. Commitment commands take their business date from the calendar date of <c>At</c> in its own
/// offset, so the handlers send Shanghai time (UTC+8, no daylight saving) rather than UTC: a report filed at 07:00
/// in Shanghai belongs to that Shanghai day, not to the UTC day before.
/// </summary>
public static class DistrictClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);
}
