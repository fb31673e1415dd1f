using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/terminate</c> (ending early, from signed or suspended).</summary>
/// <param name="Reason">Why, in Chinese and English; required.</param>
public sealed record TerminateMemorandumBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record TerminateMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, TerminateMemorandumBody Body) : IWrite;

public sealed class TerminateMemorandumValidator : IValidator<TerminateMemorandumRequest>
{
    public void Validate(TerminateMemorandumRequest request, ValidationErrors errors) => MemorandumInput.Reason(request.Body.Reason, errors);
}

public sealed class TerminateMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<TerminateMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(TerminateMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new TerminateMemorandum(request.Memorandum, request.Body.Reason, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
