using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/assign</c>.</summary>
/// <param name="Department">Identifier of the handling department (承办部门).</param>
/// <param name="Officer">Identifier of the handling officer (承办人), not a name.</param>
public sealed record AssignTalentCaseBody(string Department, string Officer);

[AllowedRoles(CallerRole.Office)]
public sealed record AssignTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, AssignTalentCaseBody Body) : IWrite;

public sealed class AssignTalentCaseValidator : IValidator<AssignTalentCaseRequest>
{
    public void Validate(AssignTalentCaseRequest request, ValidationErrors errors) =>
        errors.MaxLength("department", request.Body.Department, 100).MaxLength("officer", request.Body.Officer, 100);
}

public sealed class AssignTalentCaseHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AssignTalentCaseRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AssignTalentCaseRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new AssignTalentCase(request.Case, request.Body.Department, request.Body.Officer, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
