using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>Body of <c>POST /api/v1/partners/{id}/deactivate</c>.</summary>
public sealed record DeactivatePartnerBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record DeactivatePartnerRequest(Caller Caller, WriteOptions Options, PartnerId Partner, DeactivatePartnerBody Body) : IWrite;

public sealed class DeactivatePartnerHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<DeactivatePartnerRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(DeactivatePartnerRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            request.Partner.Value,
            PartnerDecider.StreamName(request.Partner),
            StreamIntent.Update,
            _ => new DeactivatePartner(request.Partner, request.Body.Reason, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
