using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary><c>POST /api/v1/memoranda/{id}/complete</c>, without a body: the signed memorandum ran its course.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record CompleteMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum) : IWrite;

public sealed class CompleteMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<CompleteMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(CompleteMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new CompleteMemorandum(request.Memorandum, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
