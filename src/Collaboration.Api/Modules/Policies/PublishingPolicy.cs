using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Policies;

/// <summary>Publishes a new entry of the policy catalogue (revision 1).</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record PublishPolicyRequest(Caller Caller, WriteOptions Options, PolicyId Policy, PolicyContentBody Body) : IWrite;

public sealed class PublishPolicyValidator : IValidator<PublishPolicyRequest>
{
    public void Validate(PublishPolicyRequest request, ValidationErrors errors) => PolicyContentBody.Validate(string.Empty, request.Body, errors);
}

public sealed class PublishPolicyHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<PublishPolicyRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(PublishPolicyRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
            request.Policy.Value,
            PolicyDecider.StreamName(request.Policy),
            StreamIntent.Create,
            _ => new PublishPolicy(request.Policy, request.Body.ToContent(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
