using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/suspend</c> (a pause, e.g. while a partner reorganises).</summary>
/// <param name="Reason">Why, in Chinese and English; required.</param>
public sealed record SuspendMemorandumBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record SuspendMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, SuspendMemorandumBody Body) : IWrite;

public sealed class SuspendMemorandumValidator : IValidator<SuspendMemorandumRequest>
{
    public void Validate(SuspendMemorandumRequest request, ValidationErrors errors) => MemorandumInput.Reason(request.Body.Reason, errors);
}

public sealed class SuspendMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<SuspendMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(SuspendMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new SuspendMemorandum(request.Memorandum, request.Body.Reason, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
