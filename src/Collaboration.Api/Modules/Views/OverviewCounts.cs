using System.Globalization;
using Collaboration.Api.Application;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Live;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Overview;
using Collaboration.Projections.Storage;
using Collaboration.Projections.TalentCaseQueue;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The district overview without reading whole views: every figure but two is a count the store makes through the caller's
/// audiences (cached until the view's next commit, ADR 0023), with the day's statuses as date comparisons on days the
/// projections keep. Weighted completion is two sums the store adds up over the commitments that count; the average answer
/// time is over the latest answers only.
/// The API's overview and the dashboard's both come from here; <see cref="DistrictOverview.Compose"/> stays for the audit's
/// replays in memory, and a test holds the two to the same figures.
/// </summary>
public static class OverviewCounts
{
    /// <summary>How many of the latest answers the average answer time is taken over.</summary>
    public const int AnswersAveraged = 200;

    public static Task<DistrictOverview> ComposeAsync(this IViewQueries queries, Caller caller, DateOnly today, CancellationToken ct = default) =>
        ComposeAsync(queries, caller, today, null, ct);

    /// <summary>As the overload without <paramref name="completions"/>, the weighted completion kept there until its views commit.</summary>
    public static async Task<DistrictOverview> ComposeAsync(this IViewQueries queries, Caller caller, DateOnly today, DistrictCompletions? completions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var day = Day(today);
        var byStatus = new Dictionary<CommitmentStatus, int>();
        foreach (var status in Enum.GetValues<CommitmentStatus>())
        {
            if (await Count(queries, caller, ViewNames.MemorandumLine, "dueDate", [.. CommitmentDayFilters.For(status, null, today, "")]) is var n and > 0)
            {
                byStatus[status] = n;
            }
        }

        string[] running = [nameof(TalentCaseStatus.Open), nameof(TalentCaseStatus.Assigned)];
        return new DistrictOverview(
            today,
            await Count(queries, caller, ViewNames.Partners, "status", ViewFilter.AnyOf("status", "Active")),
            await Count(queries, caller, ViewNames.Memoranda, "status", ViewFilter.AnyOf("status", "Active")),
            completions is null
                ? await WeightedCompletionAsync(queries, caller, ct)
                : await completions.GetAsync(queries, caller, () => WeightedCompletionAsync(queries, caller, ct), ct),
            byStatus,
            await Count(queries, caller, ViewNames.TalentCaseQueue, "status", ViewFilter.AnyOf("status", [.. running, nameof(TalentCaseStatus.AwaitingInformation)])),
            await Count(queries, caller, ViewNames.TalentCaseQueue, "breachedFrom", ViewFilter.Before("breachedFrom", Day(today.AddDays(1)))),
            await RemindersDueAsync(queries, caller, today, running),
            await Count(queries, caller, ViewNames.FeedbackBoard, "stage",
                ViewFilter.AnyOf("stage", nameof(FeedbackStage.Submitted), nameof(FeedbackStage.Acknowledged), nameof(FeedbackStage.Routed))),
            // Routed is the one stage with a department's deadline and no answer.
            await Count(queries, caller, ViewNames.FeedbackBoard, "routing.answerDueOn",
                ViewFilter.AnyOf("stage", nameof(FeedbackStage.Routed)), ViewFilter.Before("routing.answerDueOn", day)),
            await Count(queries, caller, ViewNames.FeedbackBoard, "stage", ViewFilter.AnyOf("stage", nameof(FeedbackStage.Published))),
            await AverageAnswerTimeAsync(queries, caller, ct));
    }

    // Each count sorts on a field it filters on, so the store's index on that field bounds the rows counted (a count over
    // another field's index would read every document's JSON to test the filter).
    private static async Task<int> Count(IViewQueries queries, Caller caller, string view, string sortField, params ViewFilter[] filters) =>
        checked((int)await queries.CountAsync(caller, view, sortField, filters));

    /// <summary>
    /// Running cases whose deadline is 3 or 1 working days away or 1 working day past: the due dates that give each reminder
    /// today are a few runs of consecutive days around today, each counted by the store.
    /// </summary>
    private static async Task<int> RemindersDueAsync(IViewQueries queries, Caller caller, DateOnly today, string[] running)
    {
        var calendar = WorkingCalendar.China;
        if (!calendar.IsWorkingDay(today))
        {
            return 0;
        }

        // Working days left only grow with the due date, so the reminder dates lie between one working day late and three ahead.
        var first = today;
        while (TalentCaseLine.WorkingDaysLeftOn(today, first.AddDays(-1), calendar) >= -1)
        {
            first = first.AddDays(-1);
        }

        var total = 0;
        DateOnly? runStart = null;
        for (var due = first; TalentCaseLine.WorkingDaysLeftOn(today, due, calendar) <= 3 || runStart is not null; due = due.AddDays(1))
        {
            var reminded = TalentCaseLine.RunningReminder(today, due, calendar) is not null;
            if (reminded && runStart is null)
            {
                runStart = due;
            }
            else if (!reminded && runStart is { } start)
            {
                total += await Count(queries, caller, ViewNames.TalentCaseQueue, "dueOn",
                    ViewFilter.AnyOf("status", running), ViewFilter.NotBefore("dueOn", Day(start)), ViewFilter.Before("dueOn", Day(due)));
                runStart = null;
            }
        }

        return total;
    }

    // The commitments that count, as the caller sees them (Compose's rule over commitment details), added up by the store
    // over their lines (scoped like the details, a few hundred bytes each where a detail holds every report).
    private static async Task<decimal> WeightedCompletionAsync(IViewQueries queries, Caller caller, CancellationToken ct)
    {
        var tally = await queries.TallyAsync(caller,
            new ViewPageQuery(ViewNames.MemorandumLine, null, [ViewFilter.AnyOf("stage", CompletionSums.CountedStages)], new ViewSort("stage"), null, 1),
            null, CompletionSums.OfLines, ct);
        return CompletionSums.Of(tally.GetValueOrDefault("")).WeightedCompletion;
    }

    private static async Task<double?> AverageAnswerTimeAsync(IViewQueries queries, Caller caller, CancellationToken ct)
    {
        var answered = await queries.PageAsync(caller, new ViewPageQuery(ViewNames.FeedbackBoard, null,
            [ViewFilter.AnyOf("stage", nameof(FeedbackStage.Answered), nameof(FeedbackStage.Published), nameof(FeedbackStage.KeptPrivate))],
            new ViewSort("reply.answeredOn", Descending: true), null, AnswersAveraged), ct);
        var days = answered.Items.Where(i => !i.Removed)
            .Select(i => ViewDocuments.Typed<AnswerDates>(i))
            .Select(a => FeedbackDeadlines.AnswerTimeInWorkingDays(a.Routing, a.Reply, WorkingCalendar.China))
            .OfType<int>().ToList();
        return days.Count == 0 ? null : Math.Round(days.Average(), 1);
    }

    /// <summary>
    /// The parts of a feedback document an answer time needs. Not the whole <see cref="FeedbackView"/>: as a partner or
    /// observer sees it, the item's withheld fields are not a <see cref="FeedbackItem"/> any more.
    /// </summary>
    private sealed record AnswerDates(FeedbackRouting? Routing, FeedbackReply? Reply);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
