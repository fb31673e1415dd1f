using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary><c>POST /api/v1/memoranda/{id}/resume</c>, without a body: back to active after a suspension.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ResumeMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum) : IWrite;

public sealed class ResumeMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<ResumeMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ResumeMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new ResumeMemorandum(request.Memorandum, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
