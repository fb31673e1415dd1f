using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>
/// A talent-service case as the API shows it, with the deadline facts derived for today (Beijing date, China
/// working-day calendar): they are never stored, so they are right on whatever day the case is read.
/// </summary>
public sealed record TalentCaseDetails(
    TalentCaseId Id,
    TalentDetails Talent,
    TalentCaseStatus Status,
    TalentService Service,
    TalentCategory Category,
    string Nationality,
    PartnerId? ReferredBy,
    string? Department,
    string? Officer,
    DateOnly OpenedOn,
    int ServiceLimitWorkingDays,
    DateOnly DueOn,
    bool Paused,
    DateOnly? PausedSince,
    BilingualText? InformationRequest,
    bool Extended,
    EscalationLevel? Escalation,
    DateOnly? ClosedOn,
    BilingualText? Outcome,
    BilingualText? RejectionReason,
    bool? ResolvedWithinDeadline,
    int? Satisfaction,
    int ReopenCount,
    DateOnly Today,
    int? WorkingDaysLeft,
    bool Overdue,
    ReminderMark? ReminderDue);

/// <summary>
/// The talent's personal data. A referring partner gets the name (it referred the person and must tell its cases
/// apart) but not the e-mail or phone: <see cref="ContactWithheld"/> is then true and both are null.
/// </summary>
public sealed record TalentDetails(PersonId Person, string FullName, string? Email, string? Phone, bool ContactWithheld);

/// <summary>Reads one case from its stream (so the ETag is exact for a following If-Match write).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetTalentCaseRequest(Caller Caller, TalentCaseId Case) : IRead<TalentCaseDetails>;

/// <summary>The policy admits a partner to the cases it referred; any other id answers 404, as if it did not exist.</summary>
public sealed class GetTalentCaseAccess(VisibilityService visibility) : IAccessRule<GetTalentCaseRequest>
{
    public ValueTask<Access> CheckAsync(GetTalentCaseRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, TalentCaseDecider.StreamName(request.Case), cancellationToken);
}

public sealed class GetTalentCaseHandler(StreamExecutor executor, VisibilityPolicy policy, TimeProvider time) : IQueryHandler<GetTalentCaseRequest, QueryOutcome<TalentCaseDetails>>
{
    public async ValueTask<QueryOutcome<TalentCaseDetails>> Handle(GetTalentCaseRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(
            TalentCaseDecider.StreamName(request.Case), cancellationToken);
        if (TalentCaseView.Of(loaded.State) is not { } view || FileOf(loaded.State) is not { } file)
        {
            return QueryOutcome<TalentCaseDetails>.Missing();
        }

        var today = DistrictTime.DateOf(time.GetUtcNow());
        var calendar = TalentCaseDecider.Calendar;
        var withhold = !policy.Decide(request.Caller, TalentCaseDecider.StreamName(request.Case), loaded.State).ShowsTalentContact;
        var talent = new TalentDetails(
            file.Talent.Person,
            file.Talent.FullName,
            withhold ? null : file.Talent.Email,
            withhold ? null : file.Talent.Phone,
            withhold);
        var details = new TalentCaseDetails(
            view.Case, talent, view.Status, view.Service, view.Category, view.Nationality, view.ReferredBy,
            view.Department, view.Officer, view.OpenedOn, file.ServiceLimitWorkingDays, view.DueOn, view.Paused, view.PausedSince,
            (loaded.State as TalentCaseState.AwaitingInformation)?.Request,
            view.Extended, view.Escalation, view.ClosedOn,
            (loaded.State as TalentCaseState.Resolved)?.Outcome,
            (loaded.State as TalentCaseState.Rejected)?.Reason,
            view.ResolvedWithinDeadline, view.Satisfaction, view.ReopenCount,
            today,
            TalentCaseClock.WorkingDaysLeft(loaded.State, today, calendar),
            TalentCaseClock.IsOverdue(loaded.State, today, calendar),
            TalentCaseClock.ReminderDue(loaded.State, today, calendar));
        return QueryOutcome<TalentCaseDetails>.Of(details, loaded.Revision);
    }

    // TalentCaseDecider.FileOf is internal to the domain; the states are public, so read the file from them.
    private static TalentCaseFile? FileOf(TalentCaseState state) => state switch
    {
        TalentCaseState.Open o => o.File,
        TalentCaseState.AwaitingInformation a => a.File,
        TalentCaseState.Resolved r => r.File,
        TalentCaseState.Rejected r => r.File,
        _ => null,
    };
}
