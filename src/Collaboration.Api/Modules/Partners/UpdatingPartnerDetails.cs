using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>Body of <c>POST /api/v1/partners/{id}/details</c>: the organisation's details as they now stand.</summary>
public sealed record UpdatePartnerDetailsBody(PartnerKind Kind, BilingualText Name, IReadOnlyList<PartnerContact> Contacts);

[AllowedRoles(CallerRole.Office)]
public sealed record UpdatePartnerDetailsRequest(Caller Caller, WriteOptions Options, PartnerId Partner, UpdatePartnerDetailsBody Body) : IWrite;

public sealed class UpdatePartnerDetailsValidator : IValidator<UpdatePartnerDetailsRequest>
{
    public void Validate(UpdatePartnerDetailsRequest request, ValidationErrors errors) =>
        errors.MaxLength("name.zh", request.Body.Name.Zh, 200).MaxLength("name.en", request.Body.Name.En, 200);
}

public sealed class UpdatePartnerDetailsHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<UpdatePartnerDetailsRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(UpdatePartnerDetailsRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            request.Partner.Value,
            PartnerDecider.StreamName(request.Partner),
            StreamIntent.Update,
            _ => new UpdatePartnerDetails(request.Partner, request.Body.Kind, request.Body.Name, request.Body.Contacts, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}
