using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Mediator;

namespace Collaboration.Api.Modules.Observers;

/// <summary>An observer as the API shows it; <see cref="Status"/> is derived for today's Shanghai date.</summary>
public sealed record ObserverDetails(
    ObserverId Id,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly? EndedOn,
    BilingualText? EndReason,
    DateOnly Today,
    ObserverStatus Status);

/// <summary>Reads one observer from its stream, personal data included (office, auditor, and the observer itself).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Observer)]
public sealed record GetObserverRequest(Caller Caller, ObserverId Observer) : IRead<ObserverDetails>;

/// <summary>An observer reads its own record only (its own personal data); another observer's id answers 404.</summary>
public sealed class GetObserverAccess(VisibilityService visibility) : IAccessRule<GetObserverRequest>
{
    public ValueTask<Access> CheckAsync(GetObserverRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, ObserverDecider.StreamName(request.Observer), cancellationToken);
}

public sealed class GetObserverHandler(StreamExecutor executor, TimeProvider time) : IQueryHandler<GetObserverRequest, QueryOutcome<ObserverDetails>>
{
    public async ValueTask<QueryOutcome<ObserverDetails>> Handle(GetObserverRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>(
            ObserverDecider.StreamName(request.Observer), cancellationToken);
        if (ObserverView.Of(loaded.State) is not { } view)
        {
            return QueryOutcome<ObserverDetails>.Missing();
        }

        var today = DistrictTime.Today(time);
        return QueryOutcome<ObserverDetails>.Of(
            new ObserverDetails(view.Observer, view.Batch, view.Details, view.Nationality, view.Roles, view.TermStart, view.TermEnd,
                view.EndedOn, view.EndReason, today, view.StatusOn(today)),
            loaded.Revision);
    }
}
