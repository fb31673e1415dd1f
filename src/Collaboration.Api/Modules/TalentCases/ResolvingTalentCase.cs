using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/resolve</c>.</summary>
/// <param name="Outcome">The result of the service (办理结果), in Chinese and English.</param>
public sealed record ResolveTalentCaseBody(BilingualText Outcome);

[AllowedRoles(CallerRole.Office)]
public sealed record ResolveTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, ResolveTalentCaseBody Body) : IWrite;

public sealed class ResolveTalentCaseValidator : IValidator<ResolveTalentCaseRequest>
{
    public void Validate(ResolveTalentCaseRequest request, ValidationErrors errors) =>
        errors.MaxLength("outcome.zh", request.Body.Outcome.Zh, 4000).MaxLength("outcome.en", request.Body.Outcome.En, 4000);
}

public sealed class ResolveTalentCaseHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<ResolveTalentCaseRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ResolveTalentCaseRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new ResolveTalentCase(request.Case, request.Body.Outcome, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
