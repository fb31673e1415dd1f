using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.TalentCaseQueue;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// One case in the talent-case queue, flat: the case's facts (never the talent's personal data, only the
/// <see cref="PersonId"/>) beside today's deadline facts.
/// </summary>
/// <param name="Id">The case.</param>
/// <param name="Talent">The talent, as a person id only.</param>
/// <param name="Status">Open, Assigned, AwaitingInformation, Resolved or Rejected.</param>
/// <param name="Service">The service asked for.</param>
/// <param name="Category">The talent's category.</param>
/// <param name="Nationality">ISO 3166 alpha-2 code.</param>
/// <param name="ReferredBy">The partner that referred the talent, if any.</param>
/// <param name="Department">The department handling the case, once assigned.</param>
/// <param name="Officer">The officer handling the case, once assigned.</param>
/// <param name="OpenedOn">The day the case was opened (Beijing time).</param>
/// <param name="DueOn">The deadline.</param>
/// <param name="Paused">The clock is paused while waiting for information.</param>
/// <param name="PausedSince">The day the clock was paused, while paused.</param>
/// <param name="Extended">The deadline was extended (at most once).</param>
/// <param name="Escalation">The escalation level, if escalated.</param>
/// <param name="ClosedOn">The day the case was resolved or rejected, while closed.</param>
/// <param name="ResolvedWithinDeadline">Whether a resolved case met its deadline; null until resolved.</param>
/// <param name="Satisfaction">The talent's satisfaction score (1–5), once recorded.</param>
/// <param name="ReopenCount">How often the case was reopened.</param>
/// <param name="WorkingDaysLeft">Working days to the deadline today (negative once breached); null while closed.</param>
/// <param name="Breached">The deadline has passed with the clock running.</param>
/// <param name="ReminderDue">The reminder due today, if any.</param>
public sealed record TalentCaseListItem(
    TalentCaseId Id,
    PersonId Talent,
    TalentCaseStatus Status,
    TalentService Service,
    TalentCategory Category,
    string Nationality,
    PartnerId? ReferredBy,
    string? Department,
    string? Officer,
    DateOnly OpenedOn,
    DateOnly DueOn,
    bool Paused,
    DateOnly? PausedSince,
    bool Extended,
    EscalationLevel? Escalation,
    DateOnly? ClosedOn,
    bool? ResolvedWithinDeadline,
    int? Satisfaction,
    int ReopenCount,
    int? WorkingDaysLeft,
    bool Breached,
    ReminderMark? ReminderDue)
{
    public static TalentCaseListItem Of(TalentCaseLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var c = line.Case;
        return new(c.Case, c.Talent, c.Status, c.Service, c.Category, c.Nationality, c.ReferredBy, c.Department, c.Officer,
            c.OpenedOn, c.DueOn, c.Paused, c.PausedSince, c.Extended, c.Escalation, c.ClosedOn, c.ResolvedWithinDeadline,
            c.Satisfaction, c.ReopenCount, line.WorkingDaysLeft, line.Breached, line.ReminderDue);
    }
}
