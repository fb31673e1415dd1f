using Collaboration.Domain.Commitments;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.CommitmentDetails;

/// <summary>The <c>commitment-detail</c> store filters that select commitments by their status on a day.</summary>
public static class CommitmentDayFilters
{
    private const string DueDate = "commitment.dueDate";
    private const string OpenUntil = "openUntil";
    private const string AtRiskFrom = "atRiskFrom";

    /// <summary>
    /// The store filters for a status and "overdue" judged on <paramref name="today"/>. A status is never stored, but the days
    /// it changes are (<see cref="CommitmentDetail.OpenUntil"/>, <see cref="CommitmentDetail.AtRiskFrom"/>), so each is a
    /// comparison of dates the store makes, and the due date bounds the index walk where it can.
    /// </summary>
    public static IEnumerable<ViewFilter> For(CommitmentStatus? status, bool? overdue, DateOnly today)
    {
        var day = Day(today);
        var tomorrow = Day(today.AddDays(1));
        if (status == CommitmentStatus.Overdue || overdue == true)
        {
            yield return ViewFilter.Before(DueDate, day);
            yield return ViewFilter.Before(OpenUntil, day);
        }

        if (overdue == false || status is CommitmentStatus.AtRisk or CommitmentStatus.OnTrack or CommitmentStatus.NotStarted)
        {
            yield return ViewFilter.NotBefore(OpenUntil, day);
        }

        switch (status)
        {
            case CommitmentStatus.Completed or CommitmentStatus.Cancelled:
                yield return ViewFilter.AnyOf("commitment.stage", status.Value == CommitmentStatus.Completed ? nameof(CommitmentStage.Completed) : nameof(CommitmentStage.Cancelled));
                break;
            case CommitmentStatus.AtRisk:
                yield return ViewFilter.NotBefore(DueDate, day);
                yield return ViewFilter.Before(AtRiskFrom, tomorrow);
                break;
            case CommitmentStatus.OnTrack or CommitmentStatus.NotStarted:
                yield return ViewFilter.NotBefore(DueDate, day);
                yield return ViewFilter.NotBefore(AtRiskFrom, tomorrow);
                // Most commitments past the due-date bound are closed or at risk: the page seeks by calm status, then walks
                // the due dates of that status only (a page deep in OnTrack walked 90 ms of rejected rows without it).
                yield return ViewFilter.Equal("calmStatus", status.Value.ToString());
                break;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
