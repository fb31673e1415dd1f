using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Policies;

/// <summary>Body of <c>POST /api/v1/policies/{id}/revise</c>.</summary>
/// <param name="Content">The policy's content as it now stands.</param>
/// <param name="Changes">What this revision changes, for readers who cite the earlier one.</param>
public sealed record RevisePolicyBody(PolicyContentBody Content, BilingualText Changes);

[AllowedRoles(CallerRole.Office)]
public sealed record RevisePolicyRequest(Caller Caller, WriteOptions Options, PolicyId Policy, RevisePolicyBody Body) : IWrite;

public sealed class RevisePolicyValidator : IValidator<RevisePolicyRequest>
{
    public void Validate(RevisePolicyRequest request, ValidationErrors errors)
    {
        PolicyContentBody.Validate("content.", request.Body.Content, errors);
        errors.MaxLength("changes.zh", request.Body.Changes.Zh, 2000).MaxLength("changes.en", request.Body.Changes.En, 2000);
    }
}

public sealed class RevisePolicyHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RevisePolicyRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RevisePolicyRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
            request.Policy.Value,
            PolicyDecider.StreamName(request.Policy),
            StreamIntent.Update,
            _ => new RevisePolicy(request.Policy, request.Body.Content.ToContent(), request.Body.Changes, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
