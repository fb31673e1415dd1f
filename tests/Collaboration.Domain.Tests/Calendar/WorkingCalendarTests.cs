using Collaboration.Domain.Calendar;

namespace Collaboration.Domain.Tests.Calendar;

/// <summary>The shipped 2024–2026 arrangements: holidays, make-up working weekends (调休上班) and year boundaries.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void the_shipped_calendar_covers_2024_to_2026() =>
        China.Years.Select(y => y.Year).Should().Equal(2024, 2025, 2026);

    [Fact]
    public void a_case_opened_the_day_before_national_day_2024_is_next_worked_on_after_the_holiday_week() =>
        China.AddWorkingDays(D(2024, 9, 30), 1).Should().Be(D(2024, 10, 8));

    [Fact]
    public void ten_working_days_from_the_eve_of_national_day_2024_end_on_18_october() =>
        China.AddWorkingDays(D(2024, 9, 30), 10).Should().Be(D(2024, 10, 18));

    [Fact]
    public void national_day_and_mid_autumn_2025_leave_no_working_day_from_1_to_8_october() =>
        China.WorkingDaysBetween(D(2025, 9, 30), D(2025, 10, 8)).Should().Be(0);

    [Fact]
    public void national_day_2026_pushes_a_deadline_past_the_golden_week() =>
        China.AddWorkingDays(D(2026, 9, 30), 2).Should().Be(D(2026, 10, 9));

    [Theory]
    [InlineData(2024, 2, 4)]
    [InlineData(2024, 2, 18)]
    [InlineData(2024, 9, 29)]
    [InlineData(2024, 10, 12)]
    [InlineData(2025, 1, 26)]
    [InlineData(2025, 2, 8)]
    [InlineData(2025, 9, 28)]
    [InlineData(2026, 1, 4)]
    [InlineData(2026, 2, 28)]
    public void a_make_up_weekend_day_is_a_working_day(int year, int month, int day) =>
        China.IsWorkingDay(D(year, month, day)).Should().BeTrue();

    [Fact]
    public void a_make_up_sunday_counts_when_adding_working_days() =>
        China.AddWorkingDays(D(2024, 9, 27), 1).Should().Be(D(2024, 9, 29));

    [Fact]
    public void a_make_up_saturday_counts_when_adding_working_days() =>
        China.AddWorkingDays(D(2024, 10, 11), 1).Should().Be(D(2024, 10, 12));

    [Fact]
    public void an_ordinary_saturday_is_not_a_working_day() =>
        China.IsWorkingDay(D(2024, 10, 19)).Should().BeFalse();

    [Fact]
    public void spring_festival_2024_is_skipped_entirely() =>
        China.AddWorkingDays(D(2024, 2, 9), 1).Should().Be(D(2024, 2, 18));

    [Fact]
    public void spring_festival_2025_starts_after_a_make_up_sunday() =>
        China.AddWorkingDays(D(2025, 1, 24), 1).Should().Be(D(2025, 1, 26));

    [Fact]
    public void spring_festival_2025_leaves_no_working_day_from_28_january_to_4_february() =>
        China.AddWorkingDays(D(2025, 1, 27), 1).Should().Be(D(2025, 2, 5));

    [Fact]
    public void spring_festival_2026_runs_from_a_make_up_saturday_to_24_february() =>
        China.AddWorkingDays(D(2026, 2, 14), 1).Should().Be(D(2026, 2, 24));

    [Fact]
    public void holidays_carry_their_bilingual_name() =>
        China.HolidayOn(D(2025, 1, 30)).Should().BeEquivalentTo(new { Zh = "春节", En = "Spring Festival" });

    [Fact]
    public void a_make_up_working_day_is_no_holiday() =>
        China.HolidayOn(D(2024, 10, 12)).Should().BeNull();

    [Fact]
    public void new_years_day_2025_is_skipped_across_the_year_boundary() =>
        China.AddWorkingDays(D(2024, 12, 31), 1).Should().Be(D(2025, 1, 2));

    [Fact]
    public void the_2026_new_year_holiday_ends_with_a_make_up_sunday() =>
        China.AddWorkingDays(D(2025, 12, 31), 1).Should().Be(D(2026, 1, 4));

    [Fact]
    public void working_days_are_counted_across_the_year_boundary() =>
        China.WorkingDaysBetween(D(2024, 12, 27), D(2025, 1, 6)).Should().Be(5);

    [Fact]
    public void working_days_between_are_negative_when_the_dates_are_reversed() =>
        China.WorkingDaysBetween(D(2024, 10, 18), D(2024, 9, 30)).Should().Be(-10);

    [Fact]
    public void adding_zero_working_days_keeps_the_start_even_on_a_holiday() =>
        China.AddWorkingDays(D(2024, 10, 1), 0).Should().Be(D(2024, 10, 1));

    [Fact]
    public void a_year_without_a_data_file_falls_back_to_monday_to_friday() =>
        China.IsWorkingDay(D(2027, 10, 1)).Should().BeTrue();

    [Fact]
    public void every_shipped_make_up_day_falls_on_a_weekend() =>
        China.Years.SelectMany(y => y.MakeUpWorkingDays)
            .Should().OnlyContain(d => d.DayOfWeek == DayOfWeek.Saturday || d.DayOfWeek == DayOfWeek.Sunday);

    [Fact]
    public void no_shipped_make_up_day_falls_inside_a_holiday() =>
        China.Years.SelectMany(y => y.MakeUpWorkingDays).Should().OnlyContain(d => China.HolidayOn(d) == null);

    [Fact]
    public void a_calendar_can_be_built_from_a_year_document() =>
        WorkingCalendar.FromJson(["""{"year":2030,"source":"test","holidays":[{"from":"2030-01-01","to":"2030-01-01","zh":"元旦","en":"New Year's Day"}],"makeUpWorkingDays":["2030-01-05"]}"""])
            .AddWorkingDays(D(2029, 12, 31), 2).Should().Be(D(2030, 1, 3));
}
