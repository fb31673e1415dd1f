namespace Collaboration.Domain.Calendar;

/// <summary>One year's official arrangement as shipped in <c>Calendar/Data/cn-YYYY.json</c>.</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<HolidayPeriod> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>A public-holiday period (inclusive) with its bilingual name.</summary>
public sealed record HolidayPeriod(DateOnly From, DateOnly To, string Zh, string En);
