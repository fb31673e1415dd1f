using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary><c>POST /api/v1/memoranda/{id}/parties/{partnerId}/remove</c>: only while the memorandum is a draft.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record RemoveMemorandumPartyRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, PartnerId Partner) : IWrite;

public sealed class RemoveMemorandumPartyHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RemoveMemorandumPartyRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RemoveMemorandumPartyRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new RemoveMemorandumParty(request.Memorandum, request.Partner, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
