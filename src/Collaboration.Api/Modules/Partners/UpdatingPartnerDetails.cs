using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>Body of <c>POST /api/v1/partners/{id}/details</c>: the organisation's details as they now stand.</summary>
public sealed record UpdatePartnerDetailsBody(PartnerKind Kind, BilingualText Name, IReadOnlyList<PartnerContactBody> Contacts);

[AllowedRoles(CallerRole.Office)]
public sealed record UpdatePartnerDetailsRequest(Caller Caller, WriteOptions Options, PartnerId Partner, UpdatePartnerDetailsBody Body) : IWrite;

public sealed class UpdatePartnerDetailsValidator : IValidator<UpdatePartnerDetailsRequest>
{
    public void Validate(UpdatePartnerDetailsRequest request, ValidationErrors errors)
    {
        errors.MaxLength("name.zh", request.Body.Name.Zh, 200).MaxLength("name.en", request.Body.Name.En, 200);
        PartnerContactBody.Validate(request.Body.Contacts, errors);
    }
}

public sealed class UpdatePartnerDetailsHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<UpdatePartnerDetailsRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(UpdatePartnerDetailsRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            request.Partner.Value,
            PartnerDecider.StreamName(request.Partner),
            StreamIntent.Update,
            state => new UpdatePartnerDetails(request.Partner, request.Body.Kind, request.Body.Name, Contacts(request.Body, state), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));

    private static List<PartnerContact> Contacts(UpdatePartnerDetailsBody body, PartnerState state)
    {
        IReadOnlyList<PartnerContact> onFile = state switch
        {
            ActivePartner p => p.Contacts,
            InactivePartner p => p.Contacts,
            _ => [],
        };
        return [.. body.Contacts.Select(c => c.ToDomain(onFile))];
    }
}
