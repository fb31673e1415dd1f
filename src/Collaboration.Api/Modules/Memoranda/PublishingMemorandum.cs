using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>
/// <c>POST /api/v1/memoranda/{id}/publish</c>, without a body: put the signed memorandum — its parties and approved
/// progress — on the open-government portal (<c>/open</c>). The visibility policy's public row does the rest.
/// </summary>
[AllowedRoles(CallerRole.Office)]
public sealed record PublishMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum) : IWrite;

public sealed class PublishMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<PublishMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(PublishMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new PublishMemorandum(request.Memorandum, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
