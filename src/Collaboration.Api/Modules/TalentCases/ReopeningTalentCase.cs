using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/reopen</c>; within 30 calendar days of closing, with a fresh clock.</summary>
/// <param name="Reason">Why the case is reopened, in Chinese and English.</param>
public sealed record ReopenTalentCaseBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record ReopenTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, ReopenTalentCaseBody Body) : IWrite;

public sealed class ReopenTalentCaseValidator : IValidator<ReopenTalentCaseRequest>
{
    public void Validate(ReopenTalentCaseRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class ReopenTalentCaseHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<ReopenTalentCaseRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ReopenTalentCaseRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new ReopenTalentCase(request.Case, request.Body.Reason, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
