namespace Collaboration.Domain.Feedback;

/// <summary>
/// The business date of an instant in Shanghai. China Standard Time is a fixed UTC+8 with no daylight
/// saving, so a constant offset is exact and keeps the domain free of time-zone databases.
/// </summary>
public static class DistrictDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
