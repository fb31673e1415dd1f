using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>
/// <c>POST /api/v1/talent-cases/{id}/information-received</c> (no body): the requested documents arrived today, so the
/// clock restarts and the due date moves by the paused working days.
/// </summary>
[AllowedRoles(CallerRole.Office)]
public sealed record RecordTalentInformationReceivedRequest(Caller Caller, WriteOptions Options, TalentCaseId Case) : IWrite;

public sealed class RecordTalentInformationReceivedHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RecordTalentInformationReceivedRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RecordTalentInformationReceivedRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new RecordTalentInformationReceived(request.Case, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
