using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Mediator;

namespace Collaboration.Api.Modules.Observers;

/// <summary>Body of <c>POST /api/v1/observers/{id}/extend-term</c>.</summary>
/// <param name="NewTermEnd">The new last day of service (inclusive), later than the current one.</param>
public sealed record ExtendObserverTermBody(DateOnly NewTermEnd);

[AllowedRoles(CallerRole.Office)]
public sealed record ExtendObserverTermRequest(Caller Caller, WriteOptions Options, ObserverId Observer, ExtendObserverTermBody Body) : IWrite;

public sealed class ExtendObserverTermHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<ExtendObserverTermRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ExtendObserverTermRequest request, CancellationToken cancellationToken) =>
        new(ObserverWrites.ExecuteAsync(
            executor,
            request.Observer,
            StreamIntent.Update,
            actor => new ExtendObserverTerm(request.Observer, request.Body.NewTermEnd, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
