using System.Collections.Frozen;
using System.Text.Json;

namespace Collaboration.Domain.Calendar;

/// <summary>
/// Working days as China declares them: Monday–Friday, minus public holidays, plus the make-up
/// working weekends (调休上班). The arrangement is data, one file a year, because the State Council
/// publishes it each November; a year without a file falls back to plain Monday–Friday.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> China_ = new(LoadEmbedded);

    private readonly FrozenDictionary<DateOnly, HolidayPeriod> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpDays;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        Years = years.OrderBy(y => y.Year).ToArray();
        var holidays = new Dictionary<DateOnly, HolidayPeriod>();
        foreach (var period in Years.SelectMany(y => y.Holidays))
        {
            for (var day = period.From; day <= period.To; day = day.AddDays(1))
            {
                holidays[day] = period;
            }
        }

        _holidays = holidays.ToFrozenDictionary();
        _makeUpDays = Years.SelectMany(y => y.MakeUpWorkingDays).ToFrozenSet();
    }

    /// <summary>The mainland China calendar shipped with the domain (2024–2026).</summary>
    public static WorkingCalendar China => China_.Value;

    public IReadOnlyList<CalendarYear> Years { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpDays.Contains(day))
        {
            return true;
        }

        if (_holidays.ContainsKey(day))
        {
            return false;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public HolidayPeriod? HolidayOn(DateOnly day) => _holidays.GetValueOrDefault(day);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative when <paramref name="toInclusive"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public static WorkingCalendar FromJson(IEnumerable<string> yearDocuments) =>
        new(yearDocuments.Select(json =>
            JsonSerializer.Deserialize(json, CalendarJsonContext.Default.CalendarYear)
            ?? throw new InvalidDataException("Empty calendar document.")));

    private static WorkingCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        var documents = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Collaboration.Domain.Calendar.cn-", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            });
        return FromJson(documents);
    }
}
