using Collaboration.Domain.Commitments;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.CommitmentDetails;

/// <summary>The <c>commitment-detail</c> store filters that select commitments by their status on a day.</summary>
public static class CommitmentDayFilters
{
    private const string Detail = "commitment.";
    private const string DueDate = "dueDate";
    private const string OpenUntil = "openUntil";
    private const string AtRiskFrom = "atRiskFrom";

    /// <summary>
    /// The store filters for a status and "overdue" judged on <paramref name="today"/>. A status is never stored, but the days
    /// it changes are (<see cref="CommitmentDetail.OpenUntil"/>, <see cref="CommitmentDetail.AtRiskFrom"/>), so each is a
    /// comparison of dates the store makes, and the due date bounds the index walk where it can.
    /// </summary>
    public static IEnumerable<ViewFilter> For(CommitmentStatus? status, bool? overdue, DateOnly today) => For(status, overdue, today, Detail);

    /// <summary>
    /// As <see cref="For(CommitmentStatus?, bool?, DateOnly)"/> over documents that keep the commitment's own fields (due
    /// date, stage) under <paramref name="commitment"/> (<c>"commitment."</c> in a detail, <c>""</c> in a memorandum's line)
    /// and the days at the top level.
    /// </summary>
    public static IEnumerable<ViewFilter> For(CommitmentStatus? status, bool? overdue, DateOnly today, string commitment)
    {
        if (status is CommitmentStatus.OnTrack or CommitmentStatus.NotStarted)
        {
            // Most commitments past the due-date bound are closed or at risk: the page seeks by calm status, then walks
            // the due dates of that status only (a page deep in OnTrack walked 90 ms of rejected rows without it).
            return [.. Judged(null, overdue, today, commitment), .. Calm(today, commitment), ViewFilter.Equal("calmStatus", status.Value.ToString())];
        }

        return Judged(status, overdue, today, commitment);
    }

    /// <summary>The open commitments neither overdue nor at risk on <paramref name="today"/>: their status is their <c>calmStatus</c>.</summary>
    public static IEnumerable<ViewFilter> Calm(DateOnly today, string commitment = Detail)
    {
        var day = Day(today);
        yield return ViewFilter.NotBefore(OpenUntil, day);
        yield return ViewFilter.NotBefore(commitment + DueDate, day);
        yield return ViewFilter.NotBefore(AtRiskFrom, Day(today.AddDays(1)));
    }

    private static IEnumerable<ViewFilter> Judged(CommitmentStatus? status, bool? overdue, DateOnly today, string commitment)
    {
        var dueDate = commitment + DueDate;
        var day = Day(today);
        var tomorrow = Day(today.AddDays(1));
        if (status == CommitmentStatus.Overdue || overdue == true)
        {
            yield return ViewFilter.Before(dueDate, day);
            yield return ViewFilter.Before(OpenUntil, day);
        }

        if (overdue == false || status is CommitmentStatus.AtRisk)
        {
            yield return ViewFilter.NotBefore(OpenUntil, day);
        }

        switch (status)
        {
            case CommitmentStatus.Completed or CommitmentStatus.Cancelled:
                yield return ViewFilter.AnyOf(commitment + "stage", status.Value == CommitmentStatus.Completed ? nameof(CommitmentStage.Completed) : nameof(CommitmentStage.Cancelled));
                break;
            case CommitmentStatus.AtRisk:
                yield return ViewFilter.NotBefore(dueDate, day);
                yield return ViewFilter.Before(AtRiskFrom, tomorrow);
                break;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
