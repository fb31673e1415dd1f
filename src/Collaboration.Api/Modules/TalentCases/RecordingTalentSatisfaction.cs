using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/satisfaction</c>: the talent's rating, recorded by the office.</summary>
/// <param name="Score">1 (very dissatisfied) to 5 (very satisfied); once per resolution.</param>
public sealed record RecordTalentSatisfactionBody(int Score);

[AllowedRoles(CallerRole.Office)]
public sealed record RecordTalentSatisfactionRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, RecordTalentSatisfactionBody Body) : IWrite;

public sealed class RecordTalentSatisfactionHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RecordTalentSatisfactionRequest, CommandOutcome>
{
    // The 1–5 range is the decider's rule (talent-case.satisfaction-out-of-range).
    public ValueTask<CommandOutcome> Handle(RecordTalentSatisfactionRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new RecordTalentSatisfaction(request.Case, request.Body.Score, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
