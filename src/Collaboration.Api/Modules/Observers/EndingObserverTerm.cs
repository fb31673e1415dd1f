using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Mediator;

namespace Collaboration.Api.Modules.Observers;

/// <summary>Body of <c>POST /api/v1/observers/{id}/end-term</c>.</summary>
/// <param name="EndsOn">The first day the person no longer serves; within the term.</param>
/// <param name="Reason">Why the term ends early, in Chinese and English.</param>
public sealed record EndObserverTermBody(DateOnly EndsOn, BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record EndObserverTermRequest(Caller Caller, WriteOptions Options, ObserverId Observer, EndObserverTermBody Body) : IWrite;

public sealed class EndObserverTermValidator : IValidator<EndObserverTermRequest>
{
    public void Validate(EndObserverTermRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class EndObserverTermHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<EndObserverTermRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(EndObserverTermRequest request, CancellationToken cancellationToken) =>
        new(ObserverWrites.ExecuteAsync(
            executor,
            request.Observer,
            StreamIntent.Update,
            actor => new EndObserverTerm(request.Observer, request.Body.EndsOn, request.Body.Reason, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
